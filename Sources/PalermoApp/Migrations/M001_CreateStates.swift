import Fluent

struct M001_CreateStates: AsyncMigration {
    func prepare(on database: Database) async throws {
        var schema = database.schema(StateRecord.schema)
            .field("iso3", .string, .identifier(auto: false))
            .field("iso2", .string, .required)
            .field("m49", .string, .required)
            .field("region", .string, .required)
            .field("subregion", .string, .required)
            .field("un_status", .string, .required)
            .field("in_glotip", .bool, .required)
            .field("population", .int64)
            .field("population_year", .int)
        for language in ["ar", "zh", "en", "fr", "ru", "es"] {
            schema = schema.field(.string("name_\(language)"), .string, .required)
        }
        try await schema.create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(StateRecord.schema).delete()
    }
}
