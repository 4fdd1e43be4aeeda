import Fluent

struct M006_CreateTreatyStatus: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(TreatyStatus.schema)
            .id()
            .field("state_iso3", .string, .required, .references(StateRecord.schema, "iso3"))
            .field("instrument", .string, .required)
            .field("signature_date", .string)
            .field("consent_date", .string)
            .field("consent_kind", .string)
            .field("party_year", .int)
            .field("declarations", .string, .required)
            .field("reservations", .string, .required)
            .field("source", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "state_iso3", "instrument")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(TreatyStatus.schema).delete()
    }
}
