import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOSSL
import PalermoCore
import Vapor

/// The one set-up used by `palermo serve`, by every command and by every test.
public func configure(_ app: Application, settings: Settings) async throws {
    app.settings = settings
    app.http.server.configuration.hostname = settings.hostname
    app.http.server.configuration.port = settings.port
    app.routes.defaultMaxBodySize = "10mb"

    switch settings.store {
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        app.store = Store(serializesWrites: true)
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = nil
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 8, sqlLogLevel: .debug), as: .psql)
        app.store = Store(serializesWrites: false)
    }
    app.migrations.add(Migrations.all)
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.metrics = PalermoMetrics()

    // Outermost first: every answer is measured and carries the security headers, errors
    // included; the context (language, credential) is known when an error page is rendered.
    app.middleware = Middlewares()
    app.middleware.use(MetricsMiddleware(metrics: app.metrics))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(PalermoErrorMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: publicDirectory(), defaultFile: nil))
    app.middleware.use(ContextMiddleware(secureCookies: settings.secureCookies))
    try routes(app)
}

/// Prepares the store: migrations, WAL mode on SQLite, reference data. Idempotent.
public func prepareStore(_ app: Application) async throws {
    if case .sqlite = app.settings.store, let sql = app.db as? any SQLDatabase {
        // Readers never wait for the writer; the busy handler makes writers queue.
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
    do {
        try await migrateAndLoad(app)
    } catch {
        // Two instances starting together against one PostgreSQL race to migrate and seed; the
        // loser fails on a duplicate and finds the work done when it tries again.
        app.logger.warning("preparing the store failed, trying once more", metadata: ["error": "\(error)"])
        try await Task.sleep(for: .seconds(2))
        try await migrateAndLoad(app)
    }
}

private func migrateAndLoad(_ app: Application) async throws {
    try await app.autoMigrate()
    try await ReferenceLoader.load(on: app.db, store: app.store)
}

/// Stylesheet and script ship inside the bundle, under Resources/Public.
private func publicDirectory() -> String {
    (Bundle.module.url(forResource: "Public", withExtension: nil, subdirectory: "Resources")?.path ?? "Public") + "/"
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = Settings }
    private struct MetricsKey: StorageKey { typealias Value = PalermoMetrics }

    var settings: Settings {
        get { storage[SettingsKey.self] ?? Settings(store: .sqlite(path: "palermo.sqlite")) }
        set { storage[SettingsKey.self] = newValue }
    }

    var metrics: PalermoMetrics {
        get { storage[MetricsKey.self] ?? PalermoMetrics() }
        set { storage[MetricsKey.self] = newValue }
    }
}
