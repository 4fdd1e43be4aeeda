import Foundation
import PalermoCore
import Testing

@Suite("SDMX-CSV rows")
struct SdmxTableTests {
    static func table(_ header: String) throws -> SdmxTable {
        try SdmxTable(header: header.components(separatedBy: ","), stateCodes: ["AUT", "FRA"])
    }

    @Test("the example of DOMAIN.md reads, with EXPLOITATION as the breakdown")
    func domainExample() throws {
        let table = try Self.table("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,INDICATOR,SEX,AGE,EXPLOITATION,OBS_VALUE,OBS_STATUS,COMMENT")
        let sexual = try table.read("dataflow,UNODC:DF_TIP(1.0.0),I,AUT,2023,VICTIMS_DETECTED,F,Y_GE18,SEXUAL,120,A,".components(separatedBy: ","), at: 2).get()
        guard case .upsert(let draft) = sexual else { Issue.record("not an upsert"); return }
        #expect(draft.state == "AUT" && draft.breakdown == .exploitation && draft.category == "SEXUAL" && draft.value == .exact(120))
        let total = try table.read("dataflow,UNODC:DF_TIP(1.0.0),A,AUT,2023,VICTIMS_DETECTED,_T,_T,_T,171,A,".components(separatedBy: ","), at: 3).get()
        guard case .upsert(let totalDraft) = total else { Issue.record("not an upsert"); return }
        #expect(totalDraft.breakdown == .total && totalDraft.category == "_T" && totalDraft.sex == .total)
    }

    @Test("a censored count is an empty OBS_VALUE with CONF_STATUS C; a deletion's empty dimensions are wildcards")
    func censoredAndDelete() throws {
        let table = try Self.table(SdmxTable.columns.joined(separator: ","))
        let censored = try table.read(["dataflow", "x", "I", "FRA", "2020", "PERSONS_CONVICTED", "CITIZENSHIP", "roumain", "M", "_T", "", "C", "", ""], at: 2).get()
        guard case .upsert(let draft) = censored else { Issue.record("not an upsert"); return }
        #expect(draft.value == .underFive && draft.category == "roumain")
        let deletion = try table.read(["dataflow", "x", "D", "FRA", "2020", "", "", "", "", "", "", "", "", ""], at: 3).get()
        guard case .delete(let selector) = deletion else { Issue.record("not a deletion"); return }
        #expect(selector.state == "FRA" && selector.year == 2020 && selector.row == 3)
        #expect(selector.indicator == nil && selector.breakdown == nil && selector.category == nil && selector.sex == nil && selector.age == nil)
    }

    @Test("every problem of a row is named; an unknown action stops there")
    func problems() throws {
        let table = try Self.table(SdmxTable.columns.joined(separator: ","))
        guard case .failure(let failure) = table.read(["dataflow", "x", "I", "ZZZ", "20x0", "JOY", "EXPLOITATION", "FUN", "Q", "OLD", "-1", "", "", ""], at: 9) else {
            Issue.record("accepted"); return
        }
        #expect(Set(failure.all.map(\.column)) == ["REF_AREA", "TIME_PERIOD", "INDICATOR", "CATEGORY", "SEX", "AGE", "OBS_VALUE"])
        guard case .failure(let action) = table.read(["dataflow", "x", "X", "FRA"], at: 10) else { Issue.record("accepted"); return }
        #expect(action.all.map(\.column) == ["ACTION"])
        #expect(throws: RowProblem.self) { try Self.table("STRUCTURE,ACTION,REF_AREA") }
    }
}
