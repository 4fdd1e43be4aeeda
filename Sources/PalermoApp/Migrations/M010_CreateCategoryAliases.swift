import Fluent

struct M010_CreateCategoryAliases: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CategoryAlias.schema)
            .field("text", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("iso3", .string, .references(StateRecord.schema, "iso3"))
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CategoryAlias.schema).delete()
    }
}
