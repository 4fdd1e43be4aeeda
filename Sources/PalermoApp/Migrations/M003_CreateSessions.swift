import Fluent

struct M003_CreateSessions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Session.schema)
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Session.schema).delete()
    }
}
