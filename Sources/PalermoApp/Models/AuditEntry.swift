import Fluent
import Foundation
import PalermoCore

/// A row of the append-only, hash-chained audit log. Time is kept as whole milliseconds so that
/// what is hashed is exactly what is stored, on SQLite and PostgreSQL alike.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(custom: "sequence", generatedBy: .user) var id: Int?
    @Field(key: "at_ms") var atMillis: Int64
    @Field(key: "actor") var actor: String
    @Field(key: "role") var role: String
    @Field(key: "state_iso3") var state: String
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @Field(key: "entity_id") var entityID: String
    @Field(key: "old_value") var old: String
    @Field(key: "new_value") var new: String
    @Field(key: "reason") var reason: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(_ record: AuditRecord) {
        id = record.sequence
        atMillis = Int64((record.at.timeIntervalSince1970 * 1000).rounded())
        actor = record.actor
        role = record.role
        state = record.state
        action = record.action
        entity = record.entity
        entityID = record.entityID
        old = record.old
        new = record.new
        reason = record.reason
        previousHash = record.previousHash
        hash = record.hash
    }

    var record: AuditRecord {
        AuditRecord(sequence: id ?? 0, at: Date(timeIntervalSince1970: Double(atMillis) / 1000), actor: actor,
                    role: role, state: state, action: action, entity: entity, entityID: entityID,
                    old: old, new: new, reason: reason, previousHash: previousHash, hash: hash)
    }
}
