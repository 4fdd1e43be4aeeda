import Fluent
import Foundation
import PalermoCore
import Vapor

/// Observations out, in the GLOTIP shape (CSV) or as JSON, filtered, a page at a time so that
/// memory stays flat. What a caller sees depends on who they are: the public (and every other
/// State) accepted figures only, with counts from 1 to 4 shown as `<5`; a State's officials
/// all of their own State's figures; the Secretariat everything.
enum Exporter {
    struct Filter: Content, Sendable {
        var state: String?
        var region: String?
        var indicator: String?
        var from: Int?
        var to: Int?
    }

    enum Format: String, Sendable, CaseIterable {
        case csv, json, sdmx

        var mediaType: HTTPMediaType {
            switch self {
            case .csv, .sdmx: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            case .json: .json
            }
        }
    }

    /// Writes the whole export through `sink`, a page at a time: one path for the API and the
    /// command line.
    static func write(_ filter: Filter, as format: Format, for principal: Principal, on db: Database,
                      to sink: (String) async throws -> Void) async throws {
        let states = Dictionary(try await StateRecord.query(on: db).all().map { ($0.iso3, $0) }, uniquingKeysWith: { a, _ in a })
        let encoder = JSONEncoder()
        var first = true
        switch format {
        case .csv: try await sink(csvHeader())
        case .sdmx: try await sink(SdmxTable.columns.joined(separator: ",") + "\r\n")
        case .json: try await sink("[")
        }
        try await rows(filter, for: principal, on: db) { rows in
            var text = ""
            for row in rows {
                switch format {
                case .csv: text += csvLine(row, states: states)
                case .sdmx: text += sdmxLine(row)
                case .json:
                    text += (first ? "" : ",") + String(decoding: try encoder.encode(row), as: UTF8.self)
                    first = false
                }
            }
            try await sink(text)
        }
        if format == .json { try await sink("]\n") }
    }

    struct Row: Content, Sendable {
        var state: String
        var indicator: String
        var breakdown: String
        var category: String
        var categoryISO3: String?
        var sex: String
        var age: String
        var year: Int
        var value: String
        var lower: Int
        var upper: Int
        var source: String
        var comment: String
        var submission: String
    }

    static let pageSize = 2000

    static func validate(_ filter: Filter, on db: Database) async throws -> Filter {
        var problems: [FieldProblem] = []
        var filter = filter
        filter.state = filter.state?.nonEmpty?.uppercased()
        if let state = filter.state, try await StateRecord.find(state, on: db) == nil {
            problems.append(.init("state", "\(state) is not a known State code"))
        }
        if let region = filter.region?.nonEmpty, !ReferenceData.shared.states.contains(where: { $0.region == region }) {
            problems.append(.init("region", "must be one of \(Set(ReferenceData.shared.states.map(\.region)).sorted().joined(separator: ", "))"))
        }
        if let indicator = filter.indicator?.nonEmpty {
            if let known = Indicator(codeOrLabel: indicator) { filter.indicator = known.rawValue }
            else { problems.append(.init("indicator", "must be one of \(Indicator.allCases.map(\.rawValue).joined(separator: ", "))")) }
        }
        if let from = filter.from, let to = filter.to, from > to { problems.append(.init("from", "must not be after to (\(to))")) }
        try InvalidInput.check(problems)
        return filter
    }

    /// Streams every matching row to `write`, page by page, in a stable order.
    static func rows(_ filter: Filter, for principal: Principal, on db: Database,
                     _ write: ([Row]) async throws -> Void) async throws {
        let states = try await StateRecord.query(on: db).all()
        let regionStates = filter.region.map { region in states.filter { $0.region == region }.map(\.iso3) }
        var after = ""
        while true {
            var query = Observation.query(on: db).filter(\.$key > after).sort(\.$key).limit(pageSize)
            if let state = filter.state { query = query.filter(\.$state == state) }
            if let regionStates { query = query.filter(\.$state ~~ regionStates) }
            if let indicator = filter.indicator { query = query.filter(\.$indicator == indicator) }
            if let from = filter.from { query = query.filter(\.$year >= from) }
            if let to = filter.to { query = query.filter(\.$year <= to) }
            if !principal.isAdministrator {
                // Accepted figures, or all of one's own State's.
                if let own = principal.state {
                    query = query.group(.or) { $0.filter(\.$submission == "accepted").filter(\.$state == own) }
                } else {
                    query = query.filter(\.$submission == "accepted")
                }
            }
            let page = try await query.all()
            guard let last = page.last else { return }
            try await write(page.map { row(for: $0, principal: principal) })
            if page.count < pageSize { return }
            after = last.key
        }
    }

    static func row(for o: Observation, principal: Principal) -> Row {
        let exact = principal.isAdministrator || principal.actsFor(o.state)
        let shown = exact ? o.value : Disclosure.publicValue(o.value)
        return Row(state: o.state, indicator: o.indicator, breakdown: o.breakdown, category: o.category, categoryISO3: o.categoryISO3,
                   sex: o.sex, age: o.age, year: o.year, value: Disclosure.glotipText(shown), lower: shown.lower, upper: shown.upper,
                   source: o.source, comment: o.comment, submission: o.submission)
    }

    static func csvHeader() -> String { GlotipTable.columns.joined(separator: ",") + "\r\n" }

    /// A row as a line of the GLOTIP table.
    static func csvLine(_ row: Row, states: [String: StateRecord]) -> String {
        let state = states[row.state]
        let category: String = switch Breakdown(rawValue: row.breakdown) {
        case .total?: "Total"
        case .exploitation?: Exploitation(rawValue: row.category)?.glotipLabel ?? row.category
        default: row.category
        }
        let fields = [row.state, state?.nameEN ?? "", state?.region ?? "", state?.subregion ?? "",
                      Indicator(rawValue: row.indicator)?.glotipLabel ?? row.indicator,
                      Breakdown(rawValue: row.breakdown)?.glotipLabel ?? row.breakdown, category,
                      Sex(rawValue: row.sex)?.glotipLabel ?? row.sex, AgeGroup(rawValue: row.age)?.glotipLabel ?? row.age,
                      String(row.year), "Counts", row.value, row.source]
        return fields.map(CSVField.quoted).joined(separator: ",") + "\r\n"
    }

    /// A row of SDMX-CSV 2.0; a censored count has no OBS_VALUE and CONF_STATUS C.
    static func sdmxLine(_ row: Row) -> String {
        let censored = row.lower != row.upper
        let fields = ["dataflow", SdmxTable.structureID, "I", row.state, String(row.year), row.indicator, row.breakdown, row.category,
                      row.sex, row.age, censored ? "" : String(row.lower), censored ? "C" : "F", row.source, row.comment]
        return fields.map(CSVField.quoted).joined(separator: ",") + "\r\n"
    }
}
