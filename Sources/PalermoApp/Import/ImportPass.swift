import Fluent
import Foundation
import PalermoCore
import SQLKit

extension Importer {
    /// One reading of one file: finds the header, reads and checks each row, and writes the
    /// rows a batch at a time. Once a problem is found it keeps checking but stops writing, so
    /// that the report lists every problem of the file.
    struct Pass {
        enum Stage {
            case seekingHeader(rowsSeen: Int)
            case reading(Table)
            case stopped
        }

        /// The two tables a file may hold: GLOTIP's, or SDMX-CSV's.
        enum Table {
            case glotip(GlotipTable)
            case sdmx(SdmxTable)

            func read(_ row: [String], at number: Int) -> Result<RowIntent, RowProblems> {
                switch self {
                case .glotip(let table): table.read(row, at: number).map(RowIntent.upsert)
                case .sdmx(let table): table.read(row, at: number)
                }
            }
        }

        let classifier: CategoryClassifier
        let options: Options
        let importID: UUID
        /// Workbooks converted to CSV carry each row's number in the sheet as a first column.
        let rowNumbersInFirstColumn: Bool
        var stage = Stage.seekingHeader(rowsSeen: 0)
        var foundHeader = false
        /// How often each identity has been seen in this file, by hash: a few bytes a row,
        /// where keeping the identities themselves would grow with the file.
        private var occurrences: [Int: UInt16] = [:]
        private var batch: [ObservationDraft] = []
        private var unmapped: [String: Int] = [:]
        private var states: Set<String> = []

        init(classifier: CategoryClassifier, options: Options, importID: UUID, rowNumbersInFirstColumn: Bool) {
            self.classifier = classifier
            self.options = options
            self.importID = importID
            self.rowNumbersInFirstColumn = rowNumbersInFirstColumn
        }

        mutating func take(_ rows: [([String], Int)], codes: Set<String>, byName: [String: String],
                           report: inout ImportReport, audit: AuditTrail, on tx: Database) async throws {
            for (fields, line) in rows {
                let number = rowNumbersInFirstColumn ? (fields.first.flatMap { Int($0) } ?? line) : line
                switch stage {
                case .stopped:
                    continue
                case .seekingHeader(let seen):
                    if GlotipTable.isHeader(fields) || SdmxTable.isHeader(fields) {
                        foundHeader = true
                        do {
                            stage = .reading(SdmxTable.isHeader(fields) ? .sdmx(try SdmxTable(header: fields, stateCodes: codes))
                                             : .glotip(try GlotipTable(header: fields, stateCodes: codes, stateByName: byName)))
                        } catch var problem as RowProblem {
                            problem.row = number
                            report.add([problem])
                            stage = .stopped
                        }
                    } else {
                        // The workbook has notes above its header; ten rows is plenty.
                        stage = seen >= 10 ? .stopped : .seekingHeader(rowsSeen: seen + 1)
                    }
                case .reading(let table):
                    report.rowsRead += 1
                    switch table.read(fields, at: number) {
                    case .success(let intent):
                        let state = switch intent {
                        case .upsert(let draft): draft.state
                        case .delete(let selector): selector.state
                        }
                        if let only = options.onlyState, state != only {
                            report.add([RowProblem(row: number, column: "State", value: state,
                                                   reason: "belongs to another State: this upload may hold figures of \(only) only")])
                        } else if case .upsert(let draft) = intent {
                            batch.append(draft)
                        } else if case .delete(let selector) = intent {
                            // Rows apply in order: what came before the deletion is written first.
                            try await flush(report: &report, audit: audit, on: tx)
                            try await delete(selector, report: &report, audit: audit, on: tx)
                        }
                    case .failure(let problems):
                        report.add(problems.all)
                    }
                    if batch.count >= Importer.batchSize { try await flush(report: &report, audit: audit, on: tx) }
                }
            }
        }

        mutating func finish(report: inout ImportReport, audit: AuditTrail, on tx: Database) async throws {
            try await flush(report: &report, audit: audit, on: tx)
            report.unmapped = unmapped.map { ImportReport.Unmapped(text: $0.key, rows: $0.value) }
                .sorted { ($0.rows, $1.text) > ($1.rows, $0.text) }
            report.states = states.count
        }

        private func delete(_ selector: DeletionSelector, report: inout ImportReport, audit: AuditTrail, on tx: Database) async throws {
            var query = Observation.query(on: tx).filter(\.$state == selector.state)
            if let year = selector.year { query = query.filter(\.$year == year) }
            if let indicator = selector.indicator { query = query.filter(\.$indicator == indicator.rawValue) }
            if let breakdown = selector.breakdown { query = query.filter(\.$breakdown == breakdown.rawValue) }
            if let category = selector.category { query = query.filter(\.$category == category) }
            if let sex = selector.sex { query = query.filter(\.$sex == sex.rawValue) }
            if let age = selector.age { query = query.filter(\.$age == age.rawValue) }
            if options.onlyState != nil, try await query.copy().filter(\.$submission != SubmissionStatus.draft.rawValue).count() > 0 {
                report.add([RowProblem(row: selector.row, column: "ACTION", value: "D",
                                       reason: "matches cleared or accepted figures: reopen them before deleting")])
                return
            }
            guard report.problemCount == 0 else { return }
            let count = try await query.copy().count()
            try await query.delete()
            report.removed += count
            audit.record(action: "observation.delete", entity: "observation", entityID: selector.state,
                         old: ["observations": String(count)], reason: "import \(importID.uuidString) row \(selector.row), SDMX action D")
        }

        private mutating func flush(report: inout ImportReport, audit: AuditTrail, on tx: Database) async throws {
            guard !batch.isEmpty else { return }
            defer { batch.removeAll(keepingCapacity: true) }
            var keyed: [(key: String, draft: ObservationDraft)] = []
            for draft in batch {
                let base = draft.key
                let seen = (occurrences[base.hashValue] ?? 0) + 1
                occurrences[base.hashValue] = seen
                if seen > 1 { report.repeatedKeys += 1 }
                keyed.append((seen > 1 ? "\(base)#\(seen)" : base, draft))
                if !draft.value.isExact { report.censored += 1 }
                states.insert(draft.state)
            }
            let sql = tx as! any SQLDatabase
            if let only = options.onlyState {
                // A State's cleared or accepted years are locked until reopened.
                struct Locked: Decodable { var year: Int; var submission: String }
                let years = Array(Set(keyed.map(\.draft.year)))
                let locked = try await sql.select().distinct().column("year").column("submission").from(Observation.schema)
                    .where("state_iso3", .equal, only).where("year", .in, years).where("submission", .notEqual, SubmissionStatus.draft.rawValue)
                    .all(decoding: Locked.self)
                let status = Dictionary(locked.map { ($0.year, $0.submission) }, uniquingKeysWith: { a, _ in a })
                report.add(keyed.compactMap { _, draft in
                    status[draft.year].map { RowProblem(row: draft.row, column: "Year", value: String(draft.year),
                                                        reason: "\(only)'s figures for \(draft.year) are \($0): reopen them before changing them") }
                })
            }
            // A refused file is still read to the end, for its problems, but no longer written.
            guard report.problemCount == 0 else { return }

            // Plain SQL rather than Fluent models: an import moves tens of thousands of rows, and
            // building a model per row costs more than the database does.
            let existing = try await sql.select().columns("id", "key", "value_lower", "value_upper", "source", "comment")
                .from(Observation.schema).where("key", .in, keyed.map(\.key)).all(decoding: Stored.self)
            let byKey = Dictionary(existing.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            let insert = sql.insert(into: Observation.schema).columns(Observation.insertColumns)
            var inserting = 0
            let now = Date()
            for (key, draft) in keyed {
                let reading = draft.breakdown.isByCountry ? classifier.read(draft.category) : nil
                if reading?.kind == .unmapped { unmapped[draft.category, default: 0] += 1 }
                if let old = byKey[key] {
                    if old.value_lower == draft.value.lower && old.value_upper == draft.value.upper && old.source == draft.source
                        && old.comment == draft.comment {
                        report.unchanged += 1
                        continue
                    }
                    audit.record(action: "observation.change", entity: "observation", entityID: key,
                                 old: ["value": CensoredCount(lower: old.value_lower, upper: old.value_upper).description, "source": old.source],
                                 new: ["value": draft.value.description, "source": draft.source],
                                 reason: "import \(importID.uuidString) row \(draft.row)")
                    try await sql.update(Observation.schema)
                        .set("value_lower", to: draft.value.lower).set("value_upper", to: draft.value.upper)
                        .set("source", to: draft.source).set("comment", to: draft.comment)
                        .set("import_id", to: importID).set("updated_at", to: now)
                        .where("id", .equal, old.id).run()
                    report.changed += 1
                } else {
                    insert.values(Observation.insertValues(key: key, draft: draft, reading: reading, submission: options.submission,
                                                           importID: importID, at: now))
                    inserting += 1
                    report.added += 1
                }
            }
            if inserting > 0 { try await insert.run() }
        }

        /// What a comparison needs of a stored observation.
        private struct Stored: Decodable {
            var id: UUID
            var key: String
            var value_lower: Int
            var value_upper: Int
            var source: String
            var comment: String
        }
    }
}

extension Observation {
    static let insertColumns = ["id", "key", "state_iso3", "indicator", "breakdown", "category", "category_kind", "category_iso3",
                                "sex", "age", "year", "value_lower", "value_upper", "status", "source", "comment", "submission",
                                "import_id", "updated_at"]

    static func insertValues(key: String, draft: ObservationDraft, reading: CategoryClassifier.Reading?, submission: String,
                             importID: UUID, at: Date) -> [any Encodable & Sendable] {
        [UUID(), key, draft.state, draft.indicator.rawValue, draft.breakdown.rawValue, draft.category, reading?.kind.rawValue,
         reading?.iso3, draft.sex.rawValue, draft.age.rawValue, draft.year, draft.value.lower, draft.value.upper, "final",
         draft.source, draft.comment, submission, importID, at]
    }
}
