import Fluent
import Foundation
@testable import PalermoApp
import PalermoCore
import Testing
import Vapor

/// The published GLOTIP files, from ../shared beside the repository.
enum GlotipFiles {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/glotip")
    static let csv = folder.appendingPathComponent("data_glotip.csv")
    static let xlsx = folder.appendingPathComponent("data_glotip.xlsx")
}

func temporaryFile(_ text: String, suffix: String = "csv") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("palermo-test-\(UUID().uuidString).\(suffix)")
    try Data(text.utf8).write(to: url)
    return url
}

func importFile(_ url: URL, _ app: Application, dryRun: Bool = false, format: Importer.Format? = nil) async throws -> ImportReport {
    try await Importer.run(file: url, fileName: url.lastPathComponent, format: format, options: .init(dryRun: dryRun),
                           actor: .commandLine, on: app.db, app: app)
}

@Suite("Importing observations")
struct ImportTests {
    static let header = GlotipTable.columns.joined(separator: ",")
    static let sample = """
    \(header)
    FRA,France,Europe,Western Europe,Detected trafficking victims,Total,Total,Female,0 to 17 years,2019,Counts,"1,192",GLOTIP
    FRA,France,Europe,Western Europe,Detected trafficking victims,by citizenship,roumain,Total,Total,2019,Counts,<5,GLOTIP
    FRA,France,Europe,Western Europe,Detected trafficking victims,by citizenship,Atlantis,Total,Total,2019,Counts,12,GLOTIP
    FRA,France,Europe,Western Europe,Persons convicted,by form of exploitation,Forced labour,Male,Total,2020,Counts,3,GLOTIP
    FRA,France,Europe,Western Europe,Persons convicted,by form of exploitation,Forced labour,Male,Total,2020,Counts,<5,GLOTIP

    """

    @Test("a small file imports; re-importing it changes nothing; a dry run of a change writes nothing", arguments: TestStore.all)
    func roundTrip(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let file = try temporaryFile(Self.sample)
            // MUT
            let first = try await importFile(file, app)
            let again = try await importFile(file, app)
            // validation
            #expect(first.outcome == "succeeded" && first.added == 5 && first.rowsRead == 5)
            #expect(first.repeatedKeys == 1 && first.censored == 2)
            #expect(first.unmapped.map(\.text) == ["Atlantis"])
            #expect(again.added == 0 && again.changed == 0 && again.unchanged == 5)
            let romanian = try #require(try await Observation.query(on: app.db).filter(\.$category == "roumain").first())
            #expect(romanian.categoryKind == "country" && romanian.categoryISO3 == "ROU")
            #expect(romanian.lower == 0 && romanian.upper == 4)
            let total = try #require(try await Observation.query(on: app.db).filter(\.$breakdown == "_T").first())
            #expect(total.lower == 1192 && total.upper == 1192)

            let changed = try temporaryFile(Self.sample.replacingOccurrences(of: "\"1,192\"", with: "1200"))
            let dry = try await importFile(changed, app, dryRun: true)
            #expect(dry.outcome == "dry-run" && dry.changed == 1 && dry.unchanged == 4)
            #expect(try await Observation.query(on: app.db).filter(\.$breakdown == "_T").first()?.lower == 1192)
            let real = try await importFile(changed, app)
            #expect(real.changed == 1)
            #expect(try await Observation.query(on: app.db).filter(\.$breakdown == "_T").first()?.lower == 1200)
            let history = try await AuditEntry.query(on: app.db).filter(\.$action == "observation.change").all()
            #expect(history.count == 1 && history.first?.old.contains("1192") == true && history.first?.new.contains("1200") == true)
            let records = try await ImportRecord.query(on: app.db).sort(\.$at).all()
            #expect(records.map(\.outcome) == ["succeeded", "succeeded", "dry-run", "succeeded"])
            #expect(records.allSatisfy { $0.sha256.count == 64 })
        }
    }

    @Test("a broken file is refused with every problem listed, and the store is untouched", arguments: TestStore.all)
    func refused(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let broken = try temporaryFile("""
            \(Self.header)
            FRA,France,Europe,Western Europe,Detected trafficking victims,Total,Total,Female,Total,2019,Counts,10,GLOTIP
            ZZZ,Nowhere,Europe,Western Europe,Detected trafficking victims,Total,Total,Female,Total,2019,Counts,10,GLOTIP
            FRA,France,Europe,Western Europe,Detected trafficking victims,Total,Total,Female,Total,20x9,Counts,lots,GLOTIP
            """)
            let report = try await importFile(broken, app)
            #expect(report.outcome == "refused")
            #expect(report.problemCount == 3)
            #expect(report.problems.map(\.row) == [3, 4, 4])
            #expect(Set(report.problems.map(\.column)) == ["Iso3_code", "Year", "txtVALUE"])
            #expect(try await Observation.query(on: app.db).count() == 0)
            #expect(try await ImportRecord.query(on: app.db).first()?.outcome == "refused")

            let noHeader = try await importFile(try temporaryFile("just,some,text\n1,2,3\n"), app)
            #expect(noHeader.outcome == "refused" && noHeader.problems.first?.reason.contains("header") == true)
            let badHeader = try await importFile(try temporaryFile("Iso3_code,txtVALUE\nFRA,3\n"), app)
            #expect(badHeader.outcome == "refused" && badHeader.problems.first?.column.contains("Indicator") == true)
            let notZip = try await importFile(try temporaryFile("PK\u{03}\u{04}garbage", suffix: "xlsx"), app)
            #expect(notZip.outcome == "refused" && notZip.problems.first?.reason.contains("xlsx") == true)
            let invalidUTF8 = FileManager.default.temporaryDirectory.appendingPathComponent("palermo-test-\(UUID().uuidString).csv")
            try (Data((Self.header + "\n").utf8) + Data([0x46, 0x52, 0xFF, 0x0A])).write(to: invalidUTF8)
            let bytes = try await importFile(invalidUTF8, app)
            #expect(bytes.outcome == "refused" && bytes.problems.first?.reason.contains("UTF-8") == true)
            #expect(try await Observation.query(on: app.db).count() == 0)
        }
    }

    @Test("the published workbook and its CSV import whole, to identical stores", arguments: TestStore.all)
    func glotip(store: TestStore) async throws {
        try await withPalermo(store) { app in
            // MUT
            let fromCSV = try await importFile(GlotipFiles.csv, app)
            // validation: the figures the issue names
            #expect(fromCSV.outcome == "succeeded", "\(fromCSV.summary)")
            #expect(fromCSV.rowsRead == 58_769 && fromCSV.added == 58_769)
            #expect(fromCSV.states == 199)
            #expect(fromCSV.censored == 29_558)
            #expect(try await Observation.query(on: app.db).count() == 58_769)
            #expect(try await Observation.query(on: app.db).filter(\.$upper == 4).filter(\.$lower == 0).count() == 29_558)
            let csvStore = try await snapshot(app.db)
            // The workbook, over the same store: nothing to add or change.
            let fromXLSX = try await importFile(GlotipFiles.xlsx, app)
            #expect(fromXLSX.outcome == "succeeded", "\(fromXLSX.summary)")
            #expect(fromXLSX.rowsRead == 58_769 && fromXLSX.added == 0 && fromXLSX.changed == 0 && fromXLSX.unchanged == 58_769)
            #expect(try await snapshot(app.db) == csvStore)

            // Exporting gives back every row's value, in the GLOTIP shape.
            let states = Dictionary(try await StateRecord.query(on: app.db).all().map { ($0.iso3, $0) }, uniquingKeysWith: { a, _ in a })
            var exported: [String] = []
            try await Exporter.rows(.init(), for: Principal(userID: nil, role: .administrator, state: nil), on: app.db) { rows in
                exported += rows.map { Exporter.csvLine($0, states: states) }
            }
            var reader = CSVReader()
            var lines: [[String]] = []
            try reader.feed(Array(exported.joined().utf8)) { row, _ in lines.append(row) }
            try reader.finish { row, _ in lines.append(row) }
            #expect(try Self.multiset(lines) == Self.multiset(from: GlotipFiles.csv))

            // The public sees no count from 1 to 4.
            var smallShown = 0
            try await Exporter.rows(.init(), for: .public, on: app.db) { rows in
                smallShown += rows.filter { (1...4).contains($0.lower) && $0.lower == $0.upper }.count
            }
            #expect(smallShown == 0)
        }
    }

    /// Rows as (State, indicator, dimension, category, sex, age, year, value), counted.
    static func multiset(_ rows: [[String]]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in rows where row.count == 13 {
            let state = row[0].isEmpty && row[1] == "Sark" ? "XSK" : row[0]
            counts[([state] + row[4...9] + [row[11]]).joined(separator: "|"), default: 0] += 1
        }
        return counts
    }

    static func multiset(from file: URL) throws -> [String: Int] {
        var reader = CSVReader()
        var rows: [[String]] = []
        try reader.feed(Array(try Data(contentsOf: file))) { row, _ in rows.append(row) }
        try reader.finish { row, _ in rows.append(row) }
        return multiset(Array(rows.dropFirst()))
    }

    /// Every observation's identity and value, to compare two stores.
    func snapshot(_ db: Database) async throws -> [String: String] {
        Dictionary(try await Observation.query(on: db).all().map { ($0.key, "\($0.value)|\($0.source)|\($0.categoryISO3 ?? "")") },
                   uniquingKeysWith: { a, _ in a })
    }
}
