import FluentPostgresDriver
import Foundation
@testable import PalermoApp
import PostgresNIO
import Testing
import Vapor
import VaporTesting

/// The databases every database-touching test runs on: SQLite always, PostgreSQL when
/// `PALERMO_TEST_POSTGRES_URL` is set (CI sets it). Each test gets a store of its own, a
/// temporary SQLite file or a fresh PostgreSQL database, so tests run in parallel.
enum TestStore: Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres(String)

    static var all: [TestStore] {
        if let url = ProcessInfo.processInfo.environment["PALERMO_TEST_POSTGRES_URL"], !url.isEmpty {
            return [.sqlite, .postgres(url)]
        }
        return [.sqlite]
    }

    var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}

/// Runs `body` against a migrated store with the reference data loaded, then removes the store.
func withPalermo(_ store: TestStore, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let name = "palermo_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20))"
    let settingsStore: Settings.Store
    switch store {
    case .sqlite:
        settingsStore = .sqlite(path: FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path)
    case .postgres(let url):
        try await PostgresAdmin.run("CREATE DATABASE \(name)", url: url)
        settingsStore = .postgres(url: PostgresAdmin.url(url, database: name))
    }
    var settings = Settings(store: settingsStore)
    settings.bcryptCost = 4
    do {
        try await configure(app, settings: settings)
        try await prepareStore(app)
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        try? await cleanUp(store, name: name, settings: settingsStore)
        throw error
    }
    try await app.asyncShutdown()
    try await cleanUp(store, name: name, settings: settingsStore)
}

private func cleanUp(_ store: TestStore, name: String, settings: Settings.Store) async throws {
    switch (store, settings) {
    case (.sqlite, .sqlite(let path)):
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    case (.postgres(let url), _):
        try await PostgresAdmin.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", url: url)
    default: break
    }
}

/// Statements that cannot run inside the test's own database (creating and dropping it).
enum PostgresAdmin {
    static func run(_ sql: String, url: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(
            configuration: configuration.coreConfiguration, id: 1, logger: Logger(label: "palermo.test.admin"))
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "palermo.test.admin"))
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The same server, another database.
    static func url(_ url: String, database: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/\(database)"
        return components.string ?? url
    }
}
