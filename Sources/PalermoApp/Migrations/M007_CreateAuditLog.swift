import Fluent
import SQLKit

struct M007_CreateAuditLog: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AuditEntry.schema)
            .field("sequence", .int64, .identifier(auto: false))
            .field("at_ms", .int64, .required)
            .field("actor", .string, .required)
            .field("role", .string, .required)
            .field("state_iso3", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string, .required)
            .field("old_value", .string, .required)
            .field("new_value", .string, .required)
            .field("reason", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            // No two entries may link to the same predecessor: a fork is refused by the store.
            .unique(on: "previous_hash")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_entries_entity").on(AuditEntry.schema).column("entity").column("entity_id").run()
        try await sql.create(index: "audit_entries_actor").on(AuditEntry.schema).column("actor").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }
}
