import Foundation

/// Where a State stands with one instrument. Dates are days (`yyyy-MM-dd`); when only the year a
/// State became a Party is known (the research panel we start from), `partyYear` holds it.
public struct TreatyStanding: Sendable, Equatable {
    public var state: String
    public var signature: String?
    public var consent: String?
    public var consentKind: ConsentKind?
    public var partyYear: Int?

    public init(state: String, signature: String? = nil, consent: String? = nil,
                consentKind: ConsentKind? = nil, partyYear: Int? = nil) {
        self.state = state
        self.signature = signature
        self.consent = consent
        self.consentKind = consentKind
        self.partyYear = partyYear
    }

    /// The year the State became a Party: the year of its consent when known, else the panel's.
    public var yearBecameParty: Int? {
        if let consent, let year = Int(consent.prefix(4)) { return year }
        return partyYear
    }

    public var status: Status {
        if yearBecameParty != nil { return .party }
        if signature != nil { return .signatory }
        return .none
    }

    public enum Status: String, Sendable, CaseIterable {
        case party, signatory, none
    }
}

public enum PartiesOverTime {
    /// Cumulative Parties at the end of each year from `first` to `last`.
    public static func cumulative(_ standings: [TreatyStanding], from first: Int, to last: Int) -> [(year: Int, parties: Int)] {
        guard first <= last else { return [] }
        var joined = [Int: Int]()
        for year in standings.compactMap(\.yearBecameParty) { joined[year, default: 0] += 1 }
        var total = joined.filter { $0.key < first }.values.reduce(0, +)
        return (first...last).map { year in
            total += joined[year] ?? 0
            return (year, total)
        }
    }
}

/// A calendar day as treaty actions are dated: `yyyy-MM-dd`, a real date, not in the future
/// relative to `today`.
public enum TreatyDate {
    public static func validate(_ text: String, today: Date = Date()) -> String? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard text.count == 10, let date = formatter.date(from: text), formatter.string(from: date) == text else {
            return "must be a date written yyyy-MM-dd"
        }
        if date > today { return "must not be in the future" }
        if date < formatter.date(from: "2000-01-01")! { return "must not be before the Convention's adoption (2000)" }
        return nil
    }
}
