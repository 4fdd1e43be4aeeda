import Foundation

/// A count as published: exact, or censored to a range. GLOTIP publishes counts under five as
/// `<5`, which stands for 0 to 4 (the file holds no zero). It is kept as that range and never
/// turned into a guess; sums of censored counts carry both bounds.
public struct CensoredCount: Hashable, Sendable, Codable, CustomStringConvertible {
    public let lower: Int
    public let upper: Int

    public init(lower: Int, upper: Int) {
        precondition(0 <= lower && lower <= upper, "a count's bounds must be 0 ≤ lower ≤ upper")
        self.lower = lower
        self.upper = upper
    }

    public static func exact(_ value: Int) -> CensoredCount { CensoredCount(lower: value, upper: value) }
    public static let underFive = CensoredCount(lower: 0, upper: 4)

    public var isExact: Bool { lower == upper }
    public var exactValue: Int? { isExact ? lower : nil }

    /// `<5` for the small-count range, the number itself when exact.
    public var description: String {
        if isExact { return String(lower) }
        if lower == 0 { return "<\(upper + 1)" }
        return "\(lower)–\(upper)"
    }

    public static func + (a: CensoredCount, b: CensoredCount) -> CensoredCount {
        CensoredCount(lower: a.lower + b.lower, upper: a.upper + b.upper)
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case empty
        case notACount(String)
        case negative
        case tooLarge

        public var description: String {
            switch self {
            case .empty: "is empty: give a count or <5"
            case .notACount(let text): "\(text.prefix(40)) is not a count (a whole number such as 1,192, or <5)"
            case .negative: "must not be negative"
            case .tooLarge: "is larger than any count Palermo accepts (1,000,000,000)"
            }
        }
    }

    /// Reads `<5`, `1192`, `1,192` (thousands separators as GLOTIP writes them), `1 192`, and a
    /// spreadsheet's `12.0`.
    public static func parse(_ raw: String) -> Result<CensoredCount, ParseError> {
        let text = raw.trimmed
        if text.isEmpty { return .failure(.empty) }
        let compact = text.replacingOccurrences(of: " ", with: "")
        if compact.hasPrefix("<") {
            guard let bound = Int(compact.dropFirst()), bound >= 1, bound <= 1000 else { return .failure(.notACount(text)) }
            return .success(CensoredCount(lower: 0, upper: bound - 1))
        }
        var digits = compact
        if digits.hasSuffix(".0") { digits.removeLast(2) }
        let grouped = digits.split(separator: ",", omittingEmptySubsequences: false)
        if grouped.count > 1 {
            // Thousands separators only: every group after the first has exactly three digits.
            guard grouped.dropFirst().allSatisfy({ $0.count == 3 }), !grouped[0].isEmpty, grouped[0].count <= 3 else {
                return .failure(.notACount(text))
            }
            digits = grouped.joined()
        }
        if digits.hasPrefix("-"), Int(digits) != nil { return .failure(.negative) }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return .failure(.notACount(text)) }
        guard digits.count <= 10, let value = Int(digits), value <= 1_000_000_000 else { return .failure(.tooLarge) }
        return .success(.exact(value))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
