import Fluent
import Foundation
import PalermoCore
import SQLKit
import Vapor

/// A State's figures for one year, entered on the web: the grid a statistician expects (sex ×
/// age for each indicator, forms of exploitation, citizenship), checked against the validation
/// rules, written in one transaction with every change audited.
enum DataEntry {
    static let sexes: [Sex] = [.total, .female, .male]
    static let ages: [AgeGroup] = [.total, .adults, .children]
    /// Indicators for which the form asks the forms of exploitation.
    static let byForm: [Indicator] = [.detectedVictims, .convicted]
    static let blankCitizenshipRows = 3

    static let rules: [ValidationRule] = {
        guard let url = Bundle.module.url(forResource: "validation-rules", withExtension: "json", subdirectory: "Resources/rules"),
              let rules = try? JSONDecoder().decode([ValidationRule].self, from: Data(contentsOf: url))
        else { fatalError("Resources/rules/validation-rules.json is missing or not a list of rules") }
        return rules
    }()

    /// The identity of a grid cell, as its form field is named.
    struct Cell: Hashable, Sendable {
        var indicator: Indicator
        var breakdown: Breakdown
        var category: String
        var sex: Sex
        var age: AgeGroup

        var field: String { ["v", indicator.rawValue, breakdown.rawValue, category, sex.rawValue, age.rawValue].joined(separator: "|") }

        init(_ indicator: Indicator, _ breakdown: Breakdown, _ category: String, _ sex: Sex, _ age: AgeGroup) {
            self.indicator = indicator
            self.breakdown = breakdown
            self.category = category
            self.sex = sex
            self.age = age
        }

        /// The field of a stored figure, when the form has one for it.
        init?(_ observation: Observation) {
            self.init(field: ["v", observation.indicator, observation.breakdown, observation.category, observation.sex, observation.age]
                .joined(separator: "|"))
        }

        init?(field: String) {
            let parts = field.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 6, parts[0] == "v", let indicator = Indicator(rawValue: parts[1]), let breakdown = Breakdown(rawValue: parts[2]),
                  let sex = Sex(rawValue: parts[4]), let age = AgeGroup(rawValue: parts[5]) else { return nil }
            self.init(indicator, breakdown, parts[3], sex, age)
        }

        func key(state: String, year: Int) -> String {
            [state, indicator.rawValue, breakdown.rawValue, category, sex.rawValue, age.rawValue, String(year)].joined(separator: "|")
        }
    }

    /// Every cell of the grid.
    static var gridCells: [Cell] {
        var cells: [Cell] = []
        for indicator in Indicator.allCases {
            for sex in sexes { for age in ages { cells.append(Cell(indicator, .total, "_T", sex, age)) } }
            if byForm.contains(indicator) {
                for form in Exploitation.allCases { cells.append(Cell(indicator, .exploitation, form.rawValue, .total, .total)) }
            }
        }
        return cells
    }

    /// The year's current figures, by key (repeated identities from imports are left aside).
    static func current(state: String, year: Int, on db: Database) async throws -> [String: Observation] {
        let rows = try await Observation.query(on: db).filter(\.$state == state).filter(\.$year == year).all()
        return Dictionary(rows.filter { !$0.key.contains("#") }.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    }

    struct Outcome: Sendable {
        var problems: [FieldProblem] = []
        var warnings: [String] = []
        var added = 0
        var changed = 0
        var removed = 0
    }

    /// Reads the posted form, checks it, and writes it when it holds no error.
    static func save(form: [String: String], state: String, year: Int, on req: Request) async throws -> Outcome {
        var outcome = Outcome()
        var values: [String: (cell: Cell, value: CensoredCount?)] = [:]
        // A field the form did not send leaves its figure as it is; an empty one removes it.
        for cell in gridCells {
            guard let raw = form[cell.field] else { continue }
            let text = raw.trimmingCharacters(in: .whitespaces)
            values[cell.key(state: state, year: year)] = (cell, try parse(text, field: cell.field, into: &outcome))
        }
        let existing = try await current(state: state, year: year, on: req.db)
        // Citizenship rows: those shown (existing) and those added; a blank value removes one.
        var seen: Set<String> = []
        for index in 0..<200 {
            guard let text = form["c|\(index)|text"] else { continue }
            let category = text.trimmingCharacters(in: .whitespaces)
            let valueText = form["c|\(index)|value"]?.trimmingCharacters(in: .whitespaces) ?? ""
            if category.isEmpty {
                if !valueText.isEmpty { outcome.problems.append(.init("c|\(index)|text", "name the country of citizenship of these \(valueText) victims")) }
                continue
            }
            guard seen.insert(category.lowercased()).inserted else {
                outcome.problems.append(.init("c|\(index)|text", "\(category) is listed twice"))
                continue
            }
            let cell = Cell(.detectedVictims, .citizenship, category, .total, .total)
            values[cell.key(state: state, year: year)] = (cell, try parse(valueText, field: "c|\(index)|value", into: &outcome))
        }
        // The rules see the year as it would be after the save.
        var after: [String: (cell: Cell, value: CensoredCount)] = [:]
        for (key, observation) in existing {
            guard let cell = Cell(observation) else { continue }
            after[key] = (cell, observation.value)
        }
        for (key, entry) in values { after[key] = entry.value.map { (entry.cell, $0) } }
        let violations = RuleEngine.check(after.values.map { RuleCell(indicator: $0.cell.indicator.rawValue, breakdown: $0.cell.breakdown.rawValue,
                                                                      category: $0.cell.category, sex: $0.cell.sex.rawValue,
                                                                      age: $0.cell.age.rawValue, value: $0.value) }, rules: rules)
        let language = req.context.language.rawValue
        outcome.problems += violations.filter { $0.rule.severity == .error }.map { .init($0.rule.id, $0.message(language)) }
        outcome.warnings = violations.filter { $0.rule.severity == .warning }.map { $0.message(language) }
        guard outcome.problems.isEmpty else { return outcome }

        let status = existing.values.map { SubmissionStatus(rawValue: $0.submission) ?? .draft }.max() ?? .draft
        let source = "entered on the web by \(req.context.user?.email ?? "?")"
        let changes = values.sorted { $0.key < $1.key }
        let counts = try await req.application.store.write(on: req.db, by: req.context.auditActor) { tx, audit in
            var counts = (added: 0, changed: 0, removed: 0)
            for (key, entry) in changes {
                let old = existing[key]
                switch (old, entry.value) {
                case (nil, nil):
                    continue
                case (nil, let value?):
                    let observation = Observation()
                    observation.key = key
                    observation.state = state
                    observation.indicator = entry.cell.indicator.rawValue
                    observation.breakdown = entry.cell.breakdown.rawValue
                    observation.category = entry.cell.category
                    observation.sex = entry.cell.sex.rawValue
                    observation.age = entry.cell.age.rawValue
                    observation.year = year
                    observation.lower = value.lower
                    observation.upper = value.upper
                    observation.status = "provisional"
                    observation.source = source
                    observation.comment = ""
                    observation.submission = status.rawValue
                    observation.updatedAt = Date()
                    try await observation.create(on: tx)
                    audit.record(action: "observation.add", entity: "observation", entityID: key, new: ["value": value.description])
                    counts.added += 1
                case (let old?, nil):
                    audit.record(action: "observation.remove", entity: "observation", entityID: key, old: ["value": old.value.description])
                    try await old.delete(on: tx)
                    counts.removed += 1
                case (let old?, let value?):
                    guard old.value != value else { continue }
                    audit.record(action: "observation.change", entity: "observation", entityID: key,
                                 old: ["value": old.value.description], new: ["value": value.description])
                    old.lower = value.lower
                    old.upper = value.upper
                    old.source = source
                    old.updatedAt = Date()
                    try await old.update(on: tx)
                    counts.changed += 1
                }
            }
            return counts
        }
        outcome.added = counts.added
        outcome.changed = counts.changed
        outcome.removed = counts.removed
        return outcome
    }

    private static func parse(_ text: String, field: String, into outcome: inout Outcome) throws -> CensoredCount? {
        guard !text.isEmpty else { return nil }
        switch CensoredCount.parse(text) {
        case .success(let value): return value
        case .failure(let error):
            outcome.problems.append(.init(field, error.description))
            return nil
        }
    }
}
