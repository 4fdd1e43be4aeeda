import Fluent
import SQLKit

struct M009_CreateObservations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Observation.schema)
            .id()
            .field("key", .string, .required)
            .field("state_iso3", .string, .required, .references(StateRecord.schema, "iso3"))
            .field("indicator", .string, .required)
            .field("breakdown", .string, .required)
            .field("category", .string, .required)
            .field("category_kind", .string)
            .field("category_iso3", .string)
            .field("sex", .string, .required)
            .field("age", .string, .required)
            .field("year", .int, .required)
            .field("value_lower", .int, .required)
            .field("value_upper", .int, .required)
            .field("status", .string, .required)
            .field("source", .string, .required)
            .field("comment", .string, .required)
            .field("submission", .string, .required)
            .field("import_id", .uuid, .references(ImportRecord.schema, "id"))
            .field("updated_at", .datetime)
            .unique(on: "key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "observations_state_year").on(Observation.schema).column("state_iso3").column("year").run()
        try await sql.create(index: "observations_category").on(Observation.schema).column("category").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Observation.schema).delete()
    }
}
