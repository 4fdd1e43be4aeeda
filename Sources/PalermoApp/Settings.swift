import Foundation

/// Everything Palermo reads from its environment, with defaults that need nothing set
/// (twelve-factor). Parsed once, at start.
public struct Settings: Sendable {
    public enum Store: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public var store: Store
    public var port: Int
    public var hostname: String
    /// Set when Palermo is served over TLS (directly or behind a proxy that terminates it), so
    /// that cookies are marked `Secure`.
    public var secureCookies: Bool
    /// Bcrypt's work factor: 12 in service; tests lower it to the minimum to stay quick.
    public var bcryptCost: Int = 12

    public init(store: Store, port: Int = 8080, hostname: String = "127.0.0.1", secureCookies: Bool = false) {
        self.store = store
        self.port = port
        self.hostname = hostname
        self.secureCookies = secureCookies
    }

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// `PALERMO_DATABASE_URL` (postgres://… or sqlite:PATH), `PALERMO_SQLITE_PATH`,
    /// `PALERMO_PORT`, `PALERMO_HOSTNAME`, `PALERMO_SECURE_COOKIES`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        var problems: [String] = []
        var store = Store.sqlite(path: env["PALERMO_SQLITE_PATH"] ?? "palermo.sqlite")
        if let url = env["PALERMO_DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                store = .postgres(url: url)
            } else if url.hasPrefix("sqlite:") {
                store = .sqlite(path: String(url.dropFirst("sqlite:".count)))
            } else {
                problems.append("PALERMO_DATABASE_URL must start with postgres://, postgresql:// or sqlite: (got \(url.prefix(12))…)")
            }
        }
        var port = 8080
        if let text = env["PALERMO_PORT"] {
            if let value = Int(text), (1...65535).contains(value) { port = value }
            else { problems.append("PALERMO_PORT must be a port number from 1 to 65535 (got \(text))") }
        }
        guard problems.isEmpty else { throw Problem(description: problems.joined(separator: "\n")) }
        return Settings(store: store, port: port, hostname: env["PALERMO_HOSTNAME"] ?? "127.0.0.1",
                        secureCookies: ["1", "true", "yes"].contains(env["PALERMO_SECURE_COOKIES"]?.lowercased() ?? ""))
    }
}
