import Foundation
import PalermoCore
import Testing

@Suite("Validation rules")
struct RuleEngineTests {
    static let partsWithinTotal = ValidationRule(
        id: "sexes", severity: .error, left: .init(sex: ["F", "M"]), op: .atMost, right: .init(sex: ["_T"]),
        over: [.indicator, .age], message: ["en": "{left} > {right} in {group}", "fr": "{left} > {right} dans {group}"])

    func cell(_ sex: String, _ value: CensoredCount, indicator: String = "VICTIMS_DETECTED", age: String = "_T") -> RuleCell {
        RuleCell(indicator: indicator, breakdown: "_T", category: "_T", sex: sex, age: age, value: value)
    }

    @Test("parts beyond their total break the rule, group by group")
    func broken() {
        // setup
        let cells = [cell("_T", .exact(10)), cell("F", .exact(8)), cell("M", .exact(5)),
                     cell("_T", .exact(10), age: "Y0T17"), cell("F", .exact(4), age: "Y0T17")]
        // MUT
        let violations = RuleEngine.check(cells, rules: [Self.partsWithinTotal])
        // validation
        #expect(violations.count == 1)
        #expect(violations.first?.group == "VICTIMS_DETECTED · _T")
        #expect(violations.first?.left == .exact(13) && violations.first?.right == .exact(10))
        #expect(violations.first?.message("fr") == "13 > 10 dans VICTIMS_DETECTED · _T")
        #expect(violations.first?.message("zh") == "13 > 10 in VICTIMS_DETECTED · _T")
    }

    @Test("censored counts break a rule only when they must", arguments: [
        (CensoredCount.underFive, CensoredCount.underFive, CensoredCount.exact(3), false),   // 0–8 against 3: may hold
        (.exact(4), .underFive, .exact(3), true),                                           // at least 4 against 3
        (.exact(2), .exact(2), .underFive, false),                                          // 4 against 0–4: may hold
        (.exact(3), .exact(2), .underFive, true),                                           // 5 against at most 4
    ])
    func censored(female: CensoredCount, male: CensoredCount, total: CensoredCount, brokenExpected: Bool) {
        let violations = RuleEngine.check([cell("_T", total), cell("F", female), cell("M", male)], rules: [Self.partsWithinTotal])
        #expect(!violations.isEmpty == brokenExpected)
    }

    @Test("a side with no figures does not trigger the rule")
    func missingSide() {
        #expect(RuleEngine.check([cell("F", .exact(8)), cell("M", .exact(5))], rules: [Self.partsWithinTotal]).isEmpty)
    }

    @Test("the shipped rules read from JSON")
    func shipped() throws {
        let json = #"[{"id":"x","severity":"warning","left":{"indicator":["PERSONS_CONVICTED"]},"op":"<=","right":{"indicator":["PERSONS_PROSECUTED"]},"over":["sex"],"message":{"en":"m"}}]"#
        let rules = try JSONDecoder().decode([ValidationRule].self, from: Data(json.utf8))
        let cells = [cell("_T", .exact(5), indicator: "PERSONS_CONVICTED"), cell("_T", .exact(3), indicator: "PERSONS_PROSECUTED")]
        #expect(RuleEngine.check(cells, rules: rules).first?.rule.severity == .warning)
    }
}
