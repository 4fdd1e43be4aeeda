/// Victims' confidentiality (¶13 d): what a public output may show of a count. A count from 1
/// to 4 could point to a person, so it is published as GLOTIP publishes it, `<5`; a censored
/// count stays censored. Zero and counts of five or more are shown as they are.
public enum Disclosure {
    public static func publicValue(_ count: CensoredCount) -> CensoredCount {
        if count.isExact && (1...4).contains(count.lower) { return .underFive }
        return count
    }

    /// As GLOTIP writes a value: thousands separated by commas, `<5` for the small range.
    public static func glotipText(_ count: CensoredCount) -> String {
        guard let value = count.exactValue else { return count.description }
        var digits = String(value)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return groups.joined(separator: ",")
    }
}
