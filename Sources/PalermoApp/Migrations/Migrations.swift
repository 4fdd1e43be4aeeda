import Fluent

/// Every migration, in order. A new one is appended, never inserted.
enum Migrations {
    static let all: [any Migration] = [
        M001_CreateStates(),
        M002_CreateUsers(),
        M003_CreateSessions(),
        M004_CreateAPITokens(),
        M005_CreateSignInFailures(),
        M006_CreateTreatyStatus(),
        M007_CreateAuditLog(),
        M008_CreateImports(),
        M009_CreateObservations(),
        M010_CreateCategoryAliases(),
    ]
}
