import Foundation
import PalermoCore
import Testing

@Suite("Audit hash chain")
struct AuditChainTests {
    static func chain(_ count: Int) -> [AuditRecord] {
        var previous = AuditChain.genesis
        return (1...count).map { n in
            let record = AuditRecord(sequence: n, at: Date(timeIntervalSince1970: 1_700_000_000 + Double(n)), actor: "a@x.org",
                                     role: "administrator", state: "", action: "user.create", entity: "user", entityID: "\(n)",
                                     old: "", new: "{\"n\":\"\(n)\"}", reason: "", previousHash: previous).sealed()
            previous = record.hash
            return record
        }
    }

    @Test("an untouched chain holds")
    func intact() {
        #expect(AuditChain.verify(Self.chain(5)) == .intact(entries: 5))
        #expect(AuditChain.verify([]) == .intact(entries: 0))
    }

    @Test("an altered field breaks the chain at that entry")
    func altered() {
        // setup
        var records = Self.chain(5)
        records[2].new = "{\"n\":\"999\"}"
        // MUT
        let verdict = AuditChain.verify(records)
        // validation
        guard case .broken(let sequence, let reason) = verdict else { Issue.record("not detected"); return }
        #expect(sequence == 3)
        #expect(reason.contains("altered"))
    }

    @Test("a deleted entry and a re-hashed forgery are both detected")
    func deletedAndForged() {
        var records = Self.chain(5)
        records.remove(at: 1)
        #expect(AuditChain.verify(records) == .broken(sequence: 3, reason: "expected entry 2, found 3: an entry is missing or out of order"))

        var forged = Self.chain(5)
        forged[1].actor = "someone else"
        forged[1] = forged[1].sealed()  // re-hashing the entry does not repair the next link
        guard case .broken(let sequence, _) = AuditChain.verify(forged) else { Issue.record("not detected"); return }
        #expect(sequence == 3)
    }

    @Test("fields are length-prefixed, so moving text between fields changes the hash")
    func noAmbiguity() {
        let a = AuditRecord(sequence: 1, at: Date(timeIntervalSince1970: 0), actor: "ab", role: "c", state: "", action: "",
                            entity: "", entityID: "", old: "", new: "", reason: "", previousHash: "")
        var b = a
        b.actor = "a"
        b.role = "bc"
        #expect(a.expectedHash != b.expectedHash)
    }
}
