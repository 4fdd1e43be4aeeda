import Foundation

/// One problem of an input file: where (row and column as the user sees them) and what.
public struct RowProblem: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var row: Int
    public var column: String
    public var value: String
    public var reason: String

    public init(row: Int, column: String, value: String, reason: String) {
        self.row = row
        self.column = column
        self.value = String(value.prefix(80))
        self.reason = reason
    }

    public var description: String { "row \(row), column \(column), value \"\(value)\": \(reason)" }
}

/// Every problem of one row.
public struct RowProblems: Error, Sendable, Equatable {
    public var all: [RowProblem]
}

/// An observation as a file states it, before it meets the store.
public struct ObservationDraft: Sendable, Equatable {
    public var state: String
    public var indicator: Indicator
    public var breakdown: Breakdown
    /// `_T`, a form of exploitation's code, or — for citizenship and repatriation — the text as
    /// the State wrote it, kept verbatim.
    public var category: String
    public var sex: Sex
    public var age: AgeGroup
    public var year: Int
    public var value: CensoredCount
    public var source: String
    /// The State's note on the figure (SDMX COMMENT); GLOTIP's table has none.
    public var comment: String = ""
    /// The row it came from, for messages.
    public var row: Int

    /// The identity of an observation: one value per State, indicator, breakdown, category, sex,
    /// age and year.
    public var key: String {
        [state, indicator.rawValue, breakdown.rawValue, category, sex.rawValue, age.rawValue, String(year)].joined(separator: "|")
    }
}

/// The GLOTIP table (UNODC's published workbook, or the same table as CSV): 13 named columns in
/// any order, one observation per row.
public struct GlotipTable: Sendable {
    public static let columns = ["Iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension", "Category",
                                 "Sex", "Age", "Year", "Unit of measurement", "txtVALUE", "Source"]
    /// Columns without which a row cannot be read; Region and Subregion follow from the State.
    static let required = ["Iso3_code", "Country", "Indicator", "Dimension", "Category", "Sex", "Age", "Year", "txtVALUE"]

    private let index: [String: Int]
    private let stateCodes: Set<String>
    private let stateByName: [String: String]
    // Codes and labels, lower-cased, looked up once per cell rather than compared one by one.
    private let indicators = Lookup<Indicator>()
    private let breakdowns = Lookup<Breakdown>()
    private let forms = Lookup<Exploitation>()
    private let sexes = Lookup<Sex>()
    private let ages = Lookup<AgeGroup>()

    /// Reads a header row; `nil` when it is not a GLOTIP header at all (so a caller can look at
    /// the next row, as the workbook has two rows of notes above its header).
    public init(header: [String], stateCodes: Set<String>, stateByName: [String: String]) throws {
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            index[name.trimmed.lowercased()] = position
        }
        let missing = Self.required.filter { index[$0.lowercased()] == nil }
        if !missing.isEmpty {
            throw RowProblem(row: 0, column: missing.joined(separator: ", "), value: header.prefix(13).joined(separator: ","),
                             reason: "the header lacks \(missing.count == 1 ? "this column" : "these columns"); a GLOTIP table has \(Self.columns.joined(separator: ", "))")
        }
        self.index = index
        self.stateCodes = stateCodes
        self.stateByName = stateByName
    }

    public static func isHeader(_ row: [String]) -> Bool {
        let names = Set(row.map { $0.trimmed.lowercased() })
        return names.contains("iso3_code") && names.contains("txtvalue")
    }

    /// Every problem of the row at once, or its observation.
    public func read(_ row: [String], at number: Int) -> Result<ObservationDraft, RowProblems> {
        var problems: [RowProblem] = []
        func rawCell(_ name: String) -> String {
            guard let position = index[name.lowercased()], position < row.count else { return "" }
            return row[position]
        }
        func cell(_ name: String) -> String { rawCell(name).trimmed }
        func problem(_ column: String, _ reason: String) {
            problems.append(RowProblem(row: number, column: column, value: cell(column), reason: reason))
        }

        let code = cell("Iso3_code").uppercased()
        var state = code
        if code.isEmpty {
            // The workbook leaves the code of a few territories empty (Sark); the name decides.
            state = stateByName[cell("Country").lowercased()] ?? ""
            if state.isEmpty { problem("Country", "no ISO code is given and no State has this name") }
        } else if !stateCodes.contains(code) {
            problem("Iso3_code", "is not the ISO 3166 alpha-3 code of a known State or territory")
        }
        let indicator = indicators[cell("Indicator")]
        if indicator == nil { problem("Indicator", "must be one of: \(Indicator.labels)") }
        let breakdown = breakdowns[cell("Dimension")]
        if breakdown == nil { problem("Dimension", "must be one of: \(Breakdown.labels)") }
        var category = cell("Category")
        switch breakdown {
        case .total?:
            if category.lowercased() == "total" || category == "_T" { category = "_T" } else { problem("Category", "must be Total when Dimension is Total") }
        case .exploitation?:
            if let form = forms[category] { category = form.rawValue } else { problem("Category", "must be one of: \(Exploitation.labels)") }
        default:
            category = rawCell("Category")  // the State's own words, kept verbatim
        }
        let sex = sexes[cell("Sex")]
        if sex == nil { problem("Sex", "must be one of: \(Sex.labels)") }
        let age = ages[cell("Age")]
        if age == nil { problem("Age", "must be one of: \(AgeGroup.labels)") }
        var yearText = cell("Year")
        if yearText.hasSuffix(".0") { yearText.removeLast(2) }
        let year = Int(yearText)
        if year == nil || !(1990...2100).contains(year!) { problem("Year", "must be a year such as 2019") }
        if index["unit of measurement"] != nil, !cell("Unit of measurement").isEmpty, cell("Unit of measurement").lowercased() != "counts" {
            problem("Unit of measurement", "must be Counts")
        }
        var value: CensoredCount?
        switch CensoredCount.parse(cell("txtVALUE")) {
        case .success(let count): value = count
        case .failure(let error): problem("txtVALUE", error.description)
        }
        guard problems.isEmpty, let indicator, let breakdown, let sex, let age, let year, let value else { return .failure(RowProblems(all: problems)) }
        return .success(ObservationDraft(state: state, indicator: indicator, breakdown: breakdown, category: category, sex: sex,
                                         age: age, year: year, value: value, source: cell("Source"), row: number))
    }
}

/// A code found by its code or its GLOTIP label, in any case.
struct Lookup<Code: GlotipCode>: Sendable {
    private let table: [String: Code]

    init() {
        var table: [String: Code] = [:]
        for code in Code.allCases {
            table[code.rawValue.lowercased()] = code
            table[code.glotipLabel.lowercased()] = code
        }
        self.table = table
    }

    subscript(text: String) -> Code? { table[text.lowercased()] }
}
