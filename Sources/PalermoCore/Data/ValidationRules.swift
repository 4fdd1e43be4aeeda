import Foundation

/// One figure as the rules see it.
public struct RuleCell: Sendable, Equatable {
    public var indicator: String
    public var breakdown: String
    public var category: String
    public var sex: String
    public var age: String
    public var value: CensoredCount

    public init(indicator: String, breakdown: String, category: String, sex: String, age: String, value: CensoredCount) {
        self.indicator = indicator
        self.breakdown = breakdown
        self.category = category
        self.sex = sex
        self.age = age
        self.value = value
    }

    func value(of dimension: ValidationRule.Dimension) -> String {
        switch dimension {
        case .indicator: indicator
        case .breakdown: breakdown
        case .category: category
        case .sex: sex
        case .age: age
        }
    }
}

/// A validation rule as data, in the manner of DHIS2: a left side, an operator, a right side,
/// a severity and a message in the six languages. Each side sums the figures its selector picks
/// within a group of figures that agree on the `over` dimensions (for one State and year).
public struct ValidationRule: Codable, Sendable, Equatable {
    public enum Severity: String, Codable, Sendable { case error, warning }
    public enum Operator: String, Codable, Sendable { case atMost = "<=", atLeast = ">=" }
    public enum Dimension: String, Codable, Sendable, CaseIterable { case indicator, breakdown, category, sex, age }

    /// Picks figures: each listed dimension must take one of the listed codes.
    public struct Selector: Codable, Sendable, Equatable {
        public var indicator: [String]?
        public var breakdown: [String]?
        public var category: [String]?
        public var sex: [String]?
        public var age: [String]?

        public init(indicator: [String]? = nil, breakdown: [String]? = nil, category: [String]? = nil,
                    sex: [String]? = nil, age: [String]? = nil) {
            self.indicator = indicator
            self.breakdown = breakdown
            self.category = category
            self.sex = sex
            self.age = age
        }

        func matches(_ cell: RuleCell) -> Bool {
            for dimension in Dimension.allCases {
                if let allowed = codes(dimension), !allowed.contains(cell.value(of: dimension)) { return false }
            }
            return true
        }

        func codes(_ dimension: Dimension) -> [String]? {
            switch dimension {
            case .indicator: indicator
            case .breakdown: breakdown
            case .category: category
            case .sex: sex
            case .age: age
            }
        }
    }

    public var id: String
    public var severity: Severity
    public var left: Selector
    public var op: Operator
    public var right: Selector
    public var over: [Dimension]
    /// By language code; `{left}`, `{right}` and `{group}` are filled in.
    public var message: [String: String]

    public init(id: String, severity: Severity, left: Selector, op: Operator, right: Selector, over: [Dimension], message: [String: String]) {
        self.id = id
        self.severity = severity
        self.left = left
        self.op = op
        self.right = right
        self.over = over
        self.message = message
    }
}

public struct RuleViolation: Sendable, Equatable {
    public var rule: ValidationRule
    /// The group's codes, e.g. `PERSONS_CONVICTED · _T · F`.
    public var group: String
    public var left: CensoredCount
    public var right: CensoredCount

    public func message(_ language: String) -> String {
        let template = rule.message[language] ?? rule.message["en"] ?? rule.id
        return template.replacingOccurrences(of: "{left}", with: left.description)
            .replacingOccurrences(of: "{right}", with: right.description)
            .replacingOccurrences(of: "{group}", with: group)
    }
}

public enum RuleEngine {
    /// A rule is broken only when it must be, whatever the censored counts hide: for `<=`,
    /// when the smallest the left side can be exceeds the largest the right side can be.
    public static func check(_ cells: [RuleCell], rules: [ValidationRule]) -> [RuleViolation] {
        var violations: [RuleViolation] = []
        for rule in rules {
            var groups: [String: (left: CensoredCount?, right: CensoredCount?)] = [:]
            for cell in cells {
                let group = rule.over.map { cell.value(of: $0) }.joined(separator: " · ")
                if rule.left.matches(cell) { groups[group, default: (nil, nil)].left = (groups[group]?.left).map { $0 + cell.value } ?? cell.value }
                if rule.right.matches(cell) { groups[group, default: (nil, nil)].right = (groups[group]?.right).map { $0 + cell.value } ?? cell.value }
            }
            for (group, sides) in groups.sorted(by: { $0.key < $1.key }) {
                guard let left = sides.left, let right = sides.right else { continue }
                let broken = switch rule.op {
                case .atMost: left.lower > right.upper
                case .atLeast: left.upper < right.lower
                }
                if broken { violations.append(RuleViolation(rule: rule, group: group, left: left, right: right)) }
            }
        }
        return violations
    }
}
