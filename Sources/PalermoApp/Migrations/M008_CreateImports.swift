import Fluent

struct M008_CreateImports: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ImportRecord.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("file_name", .string, .required)
            .field("sha256", .string, .required)
            .field("format", .string, .required)
            .field("dry_run", .bool, .required)
            .field("outcome", .string, .required)
            .field("rows_read", .int, .required)
            .field("added", .int, .required)
            .field("changed", .int, .required)
            .field("unchanged", .int, .required)
            .field("problems", .int, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ImportRecord.schema).delete()
    }
}
