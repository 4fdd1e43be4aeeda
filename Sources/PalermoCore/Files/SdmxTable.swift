import Foundation

/// What one row of a data file asks for.
public enum RowIntent: Sendable, Equatable {
    case upsert(ObservationDraft)
    /// SDMX action D: remove what matches; `nil` dimensions are wildcards.
    case delete(DeletionSelector)
}

public struct DeletionSelector: Sendable, Equatable {
    public var state: String
    public var year: Int?
    public var indicator: Indicator?
    public var breakdown: Breakdown?
    public var category: String?
    public var sex: Sex?
    public var age: AgeGroup?
    public var row: Int
}

/// SDMX-CSV 2.0 (sdmx-twg/sdmx-csv): `STRUCTURE,STRUCTURE_ID,ACTION` then dimensions, the
/// measure and attributes, in any order. Dimensions: REF_AREA (ISO alpha-3), TIME_PERIOD,
/// INDICATOR, SEX, AGE, and the breakdown either as BREAKDOWN + CATEGORY or as one of
/// EXPLOITATION, CITIZENSHIP, REPATRIATION (`_T` where not broken down). OBS_VALUE is the count;
/// a count under five is written with an empty OBS_VALUE and CONF_STATUS `C` (or `<5`).
/// Actions: I and A add or update, R replaces, D deletes (empty dimensions match everything).
public struct SdmxTable: Sendable {
    public static let structureID = "UNODC:DF_TIP(1.0.0)"
    public static let columns = ["STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA", "TIME_PERIOD", "INDICATOR", "BREAKDOWN",
                                 "CATEGORY", "SEX", "AGE", "OBS_VALUE", "CONF_STATUS", "SOURCE", "COMMENT"]

    private let index: [String: Int]
    private let stateCodes: Set<String>
    private let indicators = Lookup<Indicator>()
    private let breakdowns = Lookup<Breakdown>()
    private let forms = Lookup<Exploitation>()
    private let sexes = Lookup<Sex>()
    private let ages = Lookup<AgeGroup>()

    public static func isHeader(_ row: [String]) -> Bool {
        row.first.map { $0.trimmed.uppercased() == "STRUCTURE" } ?? false
            || row.dropFirst().first.map { $0.trimmed.uppercased() == "STRUCTURE" } ?? false
    }

    public init(header: [String], stateCodes: Set<String>) throws {
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() { index[name.trimmed.uppercased()] = position }
        var missing = ["STRUCTURE", "ACTION", "REF_AREA", "TIME_PERIOD", "INDICATOR", "OBS_VALUE"].filter { index[$0] == nil }
        if index["SEX"] == nil { missing.append("SEX") }
        if index["AGE"] == nil { missing.append("AGE") }
        if !missing.isEmpty {
            throw RowProblem(row: 0, column: missing.joined(separator: ", "), value: header.prefix(14).joined(separator: ","),
                             reason: "the SDMX-CSV header lacks \(missing.count == 1 ? "this column" : "these columns")")
        }
        self.index = index
        self.stateCodes = stateCodes
    }

    public func read(_ row: [String], at number: Int) -> Result<RowIntent, RowProblems> {
        var problems: [RowProblem] = []
        func cell(_ name: String) -> String {
            guard let position = index[name], position < row.count else { return "" }
            return row[position].trimmed
        }
        func problem(_ column: String, _ reason: String) {
            problems.append(RowProblem(row: number, column: column, value: cell(column), reason: reason))
        }
        let action = cell("ACTION").uppercased()
        guard ["I", "A", "R", "D", ""].contains(action) else {
            problem("ACTION", "must be I, A, R or D")
            return .failure(RowProblems(all: problems))
        }
        let isDelete = action == "D"
        // A dimension may be empty only in a deletion, where it matches everything.
        func dimension<T>(_ name: String, _ parse: (String) -> T?, _ expected: String) -> T? {
            let text = cell(name)
            if text.isEmpty {
                if !isDelete { problem(name, "is required: \(expected)") }
                return nil
            }
            guard let value = parse(text) else { problem(name, "must be \(expected)"); return nil }
            return value
        }
        let state = cell("REF_AREA").uppercased()
        if state.isEmpty { problem("REF_AREA", "is required: an ISO 3166 alpha-3 code") }
        else if !stateCodes.contains(state) { problem("REF_AREA", "is not the ISO 3166 alpha-3 code of a known State or territory") }
        let year = dimension("TIME_PERIOD", { Int($0).flatMap { (1990...2100).contains($0) ? $0 : nil } }, "a year such as 2019")
        let indicator = dimension("INDICATOR", { indicators[$0] }, Indicator.allCases.map(\.rawValue).joined(separator: ", "))
        let sex = dimension("SEX", { sexes[$0] }, Sex.allCases.map(\.rawValue).joined(separator: ", "))
        let age = dimension("AGE", { ages[$0] }, AgeGroup.allCases.map(\.rawValue).joined(separator: ", "))
        let (breakdown, category) = breakdownAndCategory(cell, problem: problem, isDelete: isDelete)

        if isDelete {
            guard problems.isEmpty, !state.isEmpty else { return .failure(RowProblems(all: problems)) }
            return .success(.delete(DeletionSelector(state: state, year: year, indicator: indicator, breakdown: breakdown,
                                                     category: category, sex: sex, age: age, row: number)))
        }
        var value: CensoredCount?
        let measure = cell("OBS_VALUE")
        if measure.isEmpty && cell("CONF_STATUS").uppercased() == "C" {
            value = .underFive
        } else {
            switch CensoredCount.parse(measure) {
            case .success(let count): value = count
            case .failure(let error): problem("OBS_VALUE", error.description)
            }
        }
        guard problems.isEmpty, let year, let indicator, let sex, let age, let breakdown, let category, let value else {
            return .failure(RowProblems(all: problems))
        }
        let source = cell("SOURCE").isEmpty ? cell("STRUCTURE_ID") : cell("SOURCE")
        return .success(.upsert(ObservationDraft(state: state, indicator: indicator, breakdown: breakdown, category: category,
                                                 sex: sex, age: age, year: year, value: value, source: source,
                                                 comment: String(cell("COMMENT").prefix(2000)), row: number)))
    }

    /// BREAKDOWN + CATEGORY, or EXPLOITATION / CITIZENSHIP / REPATRIATION columns (`_T` when not
    /// broken down by it); a row broken down by two of them is refused, as GLOTIP has no such cell.
    private func breakdownAndCategory(_ cell: (String) -> String, problem: (String, String) -> Void,
                                      isDelete: Bool) -> (Breakdown?, String?) {
        if index["BREAKDOWN"] != nil {
            let text = cell("BREAKDOWN")
            if text.isEmpty {
                if isDelete { return (nil, cell("CATEGORY").isEmpty ? nil : cell("CATEGORY")) }
                problem("BREAKDOWN", "is required: _T, EXPLOITATION, CITIZENSHIP or REPATRIATION")
                return (nil, nil)
            }
            guard let breakdown = breakdowns[text] else {
                problem("BREAKDOWN", "must be _T, EXPLOITATION, CITIZENSHIP or REPATRIATION")
                return (nil, nil)
            }
            return (breakdown, category(for: breakdown, cell("CATEGORY"), column: "CATEGORY", problem: problem))
        }
        let columns = [("EXPLOITATION", Breakdown.exploitation), ("CITIZENSHIP", .citizenship), ("REPATRIATION", .repatriation)]
        if isDelete && !columns.contains(where: { index[$0.0] != nil && !cell($0.0).isEmpty }) { return (nil, nil) }
        let given = columns.filter { index[$0.0] != nil && !cell($0.0).isEmpty && cell($0.0) != "_T" }
        if given.count > 1 {
            problem(given[1].0, "a row is broken down by one of EXPLOITATION, CITIZENSHIP and REPATRIATION at most")
            return (nil, nil)
        }
        guard let (column, breakdown) = given.first else { return (.total, "_T") }
        return (breakdown, category(for: breakdown, cell(column), column: column, problem: problem))
    }

    private func category(for breakdown: Breakdown, _ text: String, column: String, problem: (String, String) -> Void) -> String? {
        switch breakdown {
        case .total:
            if text.isEmpty || text == "_T" || text.lowercased() == "total" { return "_T" }
            problem(column, "must be _T when the breakdown is _T")
            return nil
        case .exploitation:
            if let form = forms[text] { return form.rawValue }
            problem(column, "must be one of \(Exploitation.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        case .citizenship, .repatriation:
            if text.isEmpty { problem(column, "name the country (ISO code or name) or NATIONALS, FOREIGNERS, UNKNOWN, ABROAD") ; return nil }
            return text
        }
    }
}
