import Foundation
import PalermoCore
import Testing

@Suite("Passwords, addresses and languages")
struct AccountRulesTests {
    @Test("the password policy reports every problem at once")
    func passwordProblems() {
        #expect(PasswordPolicy.problems(password: "correct horse battery staple", email: "a@b.org").isEmpty)
        let problems = PasswordPolicy.problems(password: "aaa", email: "a@b.org")
        #expect(problems.count == 2)
        #expect(PasswordPolicy.problems(password: String(repeating: "ab1é", count: 20), email: "a@b.org").contains { $0.contains("72 bytes") })
        #expect(!PasswordPolicy.problems(password: "my-name-is-marie2024", email: "marie@example.org").isEmpty)
    }

    @Test("e-mail addresses are normalised or refused", arguments: [
        ("  Marie@Example.ORG ", "marie@example.org"), ("no-at-sign", nil), ("a@b", nil), ("@b.org", nil),
        ("a b@c.org", nil), ("a@@b.org", nil), ("a@b.org.", nil),
    ] as [(String, String?)])
    func email(raw: String, expected: String?) {
        #expect(EmailAddress.normalized(raw) == expected)
    }

    @Test("Accept-Language picks the best of the six languages", arguments: [
        ("fr-CH, fr;q=0.9, en;q=0.8", Language.fr), ("de-DE, ar;q=0.5", .ar), ("zh-Hans-CN", .zh), (nil, .en),
        ("de, it", .en), ("ru;q=0.1, es;q=0.9", .es), ("fr;q=0", .en), ("", .en),
    ] as [(String?, Language)])
    func negotiate(header: String?, expected: Language) {
        #expect(Language.negotiate(acceptLanguage: header) == expected)
    }

    @Test("only Arabic is written right to left")
    func direction() {
        #expect(Language.allCases.filter(\.isRightToLeft) == [.ar])
    }
}

@Suite("Treaty participation")
struct TreatyTests {
    @Test("parties over time accumulate, counting earlier years at the start")
    func cumulative() {
        // setup
        let standings = [
            TreatyStanding(state: "A", partyYear: 2001), TreatyStanding(state: "B", consent: "2003-05-01", consentKind: .ratification),
            TreatyStanding(state: "C", partyYear: 2003), TreatyStanding(state: "D", signature: "2000-12-12"),
            TreatyStanding(state: "E"),
        ]
        // MUT
        let series = PartiesOverTime.cumulative(standings, from: 2002, to: 2004)
        // validation
        #expect(series.map(\.parties) == [1, 3, 3])
        #expect(series.map(\.year) == [2002, 2003, 2004])
    }

    @Test("status follows from the record: a date of consent outranks the panel's year")
    func status() {
        #expect(TreatyStanding(state: "X", signature: "2000-12-12").status == .signatory)
        #expect(TreatyStanding(state: "X").status == .none)
        let both = TreatyStanding(state: "X", consent: "2005-01-02", consentKind: .accession, partyYear: 2004)
        #expect(both.status == .party)
        #expect(both.yearBecameParty == 2005)
    }

    @Test("treaty dates must be real days, not in the future, not before 2000", arguments: [
        ("2004-02-29", true), ("2003-02-29", false), ("2004-2-1", false), ("1999-12-31", false), ("2999-01-01", false), ("yesterday", false),
    ])
    func dates(text: String, valid: Bool) {
        #expect((TreatyDate.validate(text) == nil) == valid)
    }

    @Test("instruments are found by code in any case")
    func instruments() {
        #expect(Instrument(code: "tip") == .tip)
        #expect(Instrument(code: "Firearms") == .firearms)
        #expect(Instrument(code: "xyz") == nil)
        #expect(Instrument.allCases.map(\.treatyCollectionID) == ["XVIII-12", "XVIII-12-a", "XVIII-12-b", "XVIII-12-c"])
    }
}
