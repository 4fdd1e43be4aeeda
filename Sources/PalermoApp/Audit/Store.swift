import Fluent
import Foundation
import PalermoCore
import SQLKit

/// The one way Palermo changes data: a transaction that also appends its audit entries.
///
/// SQLite allows one writer at a time, and a transaction that read before it wrote fails if
/// another connection committed in between; so on SQLite writes queue on `WriteGate` and run one
/// after another. PostgreSQL serialises only the tail of the audit chain, with a transaction-scoped
/// advisory lock, which also holds across several instances.
struct Store: Sendable {
    let serializesWrites: Bool
    private let gate = WriteGate()

    init(serializesWrites: Bool) {
        self.serializesWrites = serializesWrites
    }

    func write<T: Sendable>(on db: Database, by actor: AuditActor,
                            _ body: @escaping @Sendable (Database, AuditTrail) async throws -> T) async throws -> T {
        if serializesWrites { await gate.enter() }
        do {
            let result = try await db.transaction { tx in
                let trail = AuditTrail()
                let result = try await body(tx, trail)
                try await AuditLog.append(trail.recorded, by: actor, on: tx, lockChain: !serializesWrites)
                return result
            }
            if serializesWrites { await gate.leave() }
            return result
        } catch {
            if serializesWrites { await gate.leave() }
            throw error
        }
    }
}

/// A first-come, first-served mutex for async code.
actor WriteGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

enum AuditLog {
    /// Arbitrary, fixed: the key of the PostgreSQL advisory lock that guards the chain's tail.
    private static let chainLockKey = 7_202_009

    static func append(_ changes: [AuditTrail.Change], by actor: AuditActor, on tx: Database, lockChain: Bool) async throws {
        guard !changes.isEmpty else { return }
        if lockChain, let sql = tx as? any SQLDatabase {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(chainLockKey)))").run()
        }
        let last = try await AuditEntry.query(on: tx).sort(\.$id, .descending).first()
        var sequence = last?.id ?? 0
        var previous = last?.hash ?? AuditChain.genesis
        let now = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
        for change in changes {
            sequence += 1
            let record = AuditRecord(sequence: sequence, at: now, actor: actor.name, role: actor.role, state: actor.state,
                                     action: change.action, entity: change.entity, entityID: change.entityID,
                                     old: change.old, new: change.new, reason: change.reason,
                                     previousHash: previous).sealed()
            try await AuditEntry(record).create(on: tx)
            previous = record.hash
        }
    }

    /// Walks the whole chain in pages, so memory stays flat however long the log grows.
    static func verify(on db: Database, pageSize: Int = 1000) async throws -> AuditChain.Verdict {
        var verifier = AuditChain.Verifier()
        var after = 0
        while true {
            let page = try await AuditEntry.query(on: db).filter(\.$id > after).sort(\.$id).limit(pageSize).all()
            for entry in page { verifier.check(entry.record) }
            guard let last = page.last?.id, page.count == pageSize else { break }
            after = last
        }
        return verifier.verdict
    }
}
