import Fluent
import SQLKit

struct M005_CreateSignInFailures: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SignInFailure.schema)
            .id()
            .field("email", .string, .required)
            .field("client", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "sign_in_failures_email_at")
            .on(SignInFailure.schema).column("email").column("at").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SignInFailure.schema).delete()
    }
}
