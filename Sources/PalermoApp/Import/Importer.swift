import Crypto
import Fluent
import Foundation
import PalermoCore
import Vapor

/// Imports a file of observations in one transaction: every row is read and checked, every
/// problem collected; if there is any, nothing is written. Rows stream in batches, so memory
/// stays flat whatever the size of the file.
enum Importer {
    enum Format: String, CaseIterable, Sendable {
        case glotipXLSX = "glotip-xlsx"
        case glotipCSV = "glotip-csv"
        case sdmxCSV = "sdmx-csv"

        /// The format a client named, if any; an unknown name is the client's mistake.
        static func named(_ name: String?) throws -> Format? {
            guard let name else { return nil }
            guard let format = Format(rawValue: name) else {
                throw InvalidInput([.init("format", "must be one of \(allCases.map(\.rawValue).joined(separator: ", "))")])
            }
            return format
        }

        /// By the file's first bytes: a zip archive is a workbook, a CSV opening on STRUCTURE is
        /// SDMX-CSV, anything else is read as the GLOTIP table.
        static func detect(_ file: URL) throws -> Format {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            var head = try handle.read(upToCount: 64) ?? Data()
            if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .glotipXLSX }
            if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
            let text = String(decoding: head, as: UTF8.self).uppercased()
            return text.hasPrefix("STRUCTURE") || text.hasPrefix("\"STRUCTURE") ? .sdmxCSV : .glotipCSV
        }
    }

    struct Options: Sendable {
        var dryRun = false
        /// What imported figures become: the Secretariat's imports of published data are
        /// accepted; a State's own upload is a draft until cleared and accepted.
        var submission = "accepted"
        /// When set, every row must belong to this State (a focal point's upload).
        var onlyState: String?
    }

    static let batchSize = 1000

    /// Rolls the transaction back while carrying the report out.
    private struct Rollback: Error {
        var report: ImportReport
    }

    static func run(file: URL, fileName: String, format requested: Format? = nil, options: Options,
                    actor: AuditActor, on db: Database, app: Application,
                    progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> ImportReport {
        let format = try requested ?? Format.detect(file)
        var report = ImportReport(fileName: fileName, sha256: try sha256(of: file), format: format.rawValue,
                                  dryRun: options.dryRun, outcome: "succeeded")
        var csv = file
        var temporary: URL?
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        if format == .glotipXLSX {
            let converted = FileManager.default.temporaryDirectory.appendingPathComponent("palermo-import-\(UUID().uuidString).csv")
            temporary = converted
            do {
                try await app.threadPool.runIfActive { try XLSXSheet.convertFirstSheet(of: file, to: converted) }
            } catch let problem as XLSXSheet.Problem {
                report.add([RowProblem(row: 0, column: "-", value: fileName, reason: "the file \(problem.description)")])
                return try await refuse(report, actor: actor, on: db, app: app)
            }
            csv = converted
        }

        let recordID = UUID()
        let classifier = try await CategoryClassifier.load(on: db)
        let states = try await StateRecord.query(on: db).all()
        let codes = Set(states.map(\.iso3))
        let byName = Dictionary(states.map { ($0.nameEN.lowercased(), $0.iso3) }, uniquingKeysWith: { a, _ in a })
        let started = report
        let source = csv
        do {
            report = try await app.store.write(on: db, by: actor) { tx, audit in
                var report = started
                let record = ImportRecord(id: recordID, actor: actor.name, fileName: fileName, sha256: report.sha256, format: format.rawValue)
                try await record.create(on: tx)
                var pass = Pass(classifier: classifier, options: options, importID: recordID, rowNumbersInFirstColumn: format == .glotipXLSX)
                try await readRecords(source) { rows in
                    try await pass.take(rows, codes: codes, byName: byName, report: &report, audit: audit, on: tx)
                    progress(report.rowsRead)
                }
                try await pass.finish(report: &report, audit: audit, on: tx)
                if !pass.foundHeader {
                    report.add([RowProblem(row: 1, column: "-", value: "", reason: "no GLOTIP header (Iso3_code, …, txtVALUE) in the first rows")])
                }
                if report.problemCount > 0 || options.dryRun { throw Rollback(report: report) }
                record.update(with: report)
                try await record.update(on: tx)
                audit.record(action: "data.import", entity: "import", entityID: recordID.uuidString,
                             new: ["file": fileName, "sha256": report.sha256, "added": "\(report.added)",
                                   "changed": "\(report.changed)", "unchanged": "\(report.unchanged)"])
                return report
            }
            report.importID = recordID
            return report
        } catch let rollback as Rollback {
            var report = rollback.report
            report.outcome = report.problemCount > 0 ? "refused" : "dry-run"
            return try await refuse(report, actor: actor, on: db, app: app)
        } catch let problem as CSVReader.Problem {
            report.add([RowProblem(row: problem.line, column: "#\(problem.column)", value: "", reason: problem.reason)])
            return try await refuse(report, actor: actor, on: db, app: app)
        }
    }

    /// Records a refused import or a dry run, whose transaction was rolled back.
    private static func refuse(_ report: ImportReport, actor: AuditActor, on db: Database, app: Application) async throws -> ImportReport {
        var report = report
        if report.outcome == "succeeded" { report.outcome = "refused" }
        let record = ImportRecord(id: UUID(), actor: actor.name, fileName: report.fileName, sha256: report.sha256, format: report.format)
        record.update(with: report)
        try await app.store.write(on: db, by: actor) { tx, _ in try await record.create(on: tx) }
        report.importID = record.id
        return report
    }

    /// Reads the file a megabyte at a time and hands over the complete records of each chunk.
    private static func readRecords(_ file: URL, _ take: ([([String], Int)]) async throws -> Void) async throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var reader: CSVReader?
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            if reader == nil { reader = CSVReader(separator: CSVReader.detectSeparator(inHeader: chunk.prefix(4096))) }
            var rows: [([String], Int)] = []
            try reader!.feed(chunk) { rows.append(($0, $1)) }
            try await take(rows)
        }
        var rows: [([String], Int)] = []
        try reader?.finish { rows.append(($0, $1)) }
        try await take(rows)
    }

    static func sha256(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

extension ImportRecord {
    convenience init(id: UUID, actor: String, fileName: String, sha256: String, format: String) {
        self.init()
        self.id = id
        self.at = Date()
        self.actor = actor
        self.fileName = String(fileName.prefix(255))
        self.sha256 = sha256
        self.format = format
        self.dryRun = false
        self.outcome = "running"
        self.rowsRead = 0
        self.added = 0
        self.changed = 0
        self.unchanged = 0
        self.problems = 0
    }

    func update(with report: ImportReport) {
        dryRun = report.dryRun
        outcome = report.outcome
        rowsRead = report.rowsRead
        added = report.added
        changed = report.changed
        unchanged = report.unchanged
        problems = report.problemCount
    }
}
