import Foundation
import PalermoCore
import Testing

@Suite("Counts, CSV and the GLOTIP table")
struct DataFileTests {
    @Test("counts are read as GLOTIP writes them; <5 stays a range", arguments: [
        ("<5", CensoredCount.underFive), ("1,192", .exact(1192)), ("12", .exact(12)), (" 7 ", .exact(7)),
        ("12.0", .exact(12)), ("1 234", .exact(1234)), ("<10", CensoredCount(lower: 0, upper: 9)),
    ])
    func parse(text: String, expected: CensoredCount) throws {
        #expect(try CensoredCount.parse(text).get() == expected)
    }

    @Test("what is not a count is refused with the reason", arguments: ["", "abc", "1,19", "-3", "12.5", "<0", "1,2345", "99999999999", "<", "5<"])
    func refuse(text: String) {
        guard case .failure = CensoredCount.parse(text) else { Issue.record("\(text) was accepted"); return }
    }

    @Test("sums of censored counts carry both bounds, and print as GLOTIP does")
    func sums() {
        let total = CensoredCount.underFive + .exact(10) + .underFive
        #expect(total.lower == 10 && total.upper == 18)
        #expect(CensoredCount.underFive.description == "<5")
        #expect(CensoredCount.exact(1192).description == "1192")
        #expect(!total.isExact && total.exactValue == nil)
    }

    func records(_ text: String, chunk: Int = 3, separator: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
        var reader = CSVReader(separator: separator)
        var out: [[String]] = []
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            try reader.feed(bytes[start..<min(start + chunk, bytes.count)]) { row, _ in out.append(row) }
        }
        try reader.finish { row, _ in out.append(row) }
        return out
    }

    @Test("the CSV reader follows RFC 4180 across chunk boundaries")
    func csv() throws {
        let text = "\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1,,3"
        for chunk in [1, 2, 5, 1000] {
            #expect(try records(text, chunk: chunk) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]])
        }
        #expect(try records("a;b\n1;2", separator: UInt8(ascii: ";")) == [["a", "b"], ["1", "2"]])
        #expect(CSVReader.detectSeparator(inHeader: Array("STRUCTURE;STRUCTURE_ID".utf8)) == UInt8(ascii: ";"))
    }

    @Test("an unclosed quote and invalid UTF-8 are refused with their line")
    func csvProblems() throws {
        #expect(throws: CSVReader.Problem.self) { try records("a,b\n\"open,2\n") }
        var reader = CSVReader()
        #expect(throws: CSVReader.Problem.self) {
            try reader.feed([0x61, 0x0A, 0xFF, 0xFE, 0x0A]) { _, _ in }
        }
    }

    static let header = GlotipTable.columns
    static func table() throws -> GlotipTable {
        try GlotipTable(header: header, stateCodes: ["FRA", "XSK", "ROU"], stateByName: ["sark": "XSK", "france": "FRA"])
    }

    @Test("a GLOTIP row becomes an observation with codes; a by-citizenship category stays verbatim")
    func row() throws {
        let row = ["FRA", "France", "Europe", "Western Europe", "Detected trafficking victims", "by citizenship", "roumain",
                   "Female", "0 to 17 years", "2019", "Counts", "<5", "GLOTIP"]
        let draft = try Self.table().read(row, at: 7).get()
        #expect(draft.state == "FRA" && draft.indicator == .detectedVictims && draft.breakdown == .citizenship)
        #expect(draft.category == "roumain" && draft.sex == .female && draft.age == .children && draft.year == 2019)
        #expect(draft.value == .underFive && draft.row == 7)
        #expect(draft.key == "FRA|VICTIMS_DETECTED|CITIZENSHIP|roumain|F|Y0T17|2019")
        let sark = ["", "Sark", "Europe", "Northern Europe", "Persons convicted", "Total", "Total", "Total", "Total", "2018", "Counts", "1,192", "GLOTIP"]
        #expect(try Self.table().read(sark, at: 8).get().state == "XSK")
    }

    @Test("every problem of a row is reported at once, with its column and value")
    func rowProblems() throws {
        let row = ["ZZZ", "Nowhere", "", "", "Victims", "by mood", "x", "Both", "Old", "20x9", "Kilos", "many", "?"]
        guard case .failure(let failure) = try Self.table().read(row, at: 12) else { Issue.record("accepted"); return }
        let problems = failure.all
        #expect(Set(problems.map(\.column)) == ["Iso3_code", "Indicator", "Dimension", "Sex", "Age", "Year", "Unit of measurement", "txtVALUE"])
        #expect(problems.allSatisfy { $0.row == 12 })
        #expect(problems.first { $0.column == "txtVALUE" }?.value == "many")
    }

    @Test("a header without the needed columns is refused, naming them")
    func header() {
        #expect(throws: RowProblem.self) { try GlotipTable(header: ["Iso3_code", "Year"], stateCodes: [], stateByName: [:]) }
        #expect(GlotipTable.isHeader(Self.header))
        #expect(!GlotipTable.isHeader(["UNODC", "14/04/2025"]))
    }
}
