import Fluent
import Foundation
import Logging
import PalermoCore
import Vapor

/// `palermo <command>`: serve (the default), user, audit, migrate, routes.
public enum Palermo {
    public static func main() async {
        do {
            var env = try Environment.detect()
            if Environment.get("PALERMO_LOG_FORMAT") == "json" {
                let level = Environment.get("LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
                LoggingSystem.bootstrap { label in
                    var handler = JSONLogHandler(label: label)
                    handler.logLevel = level
                    return handler
                }
            } else {
                try LoggingSystem.bootstrap(from: &env)
            }
            let app = try await Application.make(env)
            do {
                try await run(app)
                try await app.asyncShutdown()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
        } catch let problem as Settings.Problem {
            FileHandle.standardError.write(Data("palermo: \(problem.description)\n".utf8))
            exit(2)
        } catch let invalid as InvalidInput {
            for problem in invalid.problems {
                FileHandle.standardError.write(Data("palermo: --\(problem.field): \(problem.detail)\n".utf8))
            }
            exit(1)
        } catch {
            FileHandle.standardError.write(Data("palermo: \(error)\n".utf8))
            exit(1)
        }
    }

    private static func run(_ app: Application) async throws {
        try await configure(app, settings: try Settings.fromEnvironment())
        app.asyncCommands.use(UserCommand(), as: "user")
        app.asyncCommands.use(AuditCommand(), as: "audit")
        app.asyncCommands.use(ImportCommand(), as: "import")
        app.asyncCommands.use(ExportCommand(), as: "export")
        app.asyncCommands.use(BenchCommand(), as: "bench")
        let command = app.environment.arguments.dropFirst().first ?? "serve"
        if command != "routes" {
            try await prepareStore(app)
        }
        if command == "serve" {
            let greeting = try await FirstStart.greeting(app)
            Task { await FirstStart.announce(app, greeting: greeting) }
        }
        try await app.execute()
    }
}

/// What `palermo serve` prints: where it listens and how to sign in, creating the first
/// administrator when there is none.
enum FirstStart {
    static func greeting(_ app: Application) async throws -> String {
        let administrators = try await User.query(on: app.db).filter(\.$role == .administrator).filter(\.$disabledAt == nil).count()
        guard administrators == 0 else {
            return "Sign in with your account. A new one: swift run palermo user create --email ADDRESS --name NAME --role administrator"
        }
        let email = Environment.get("PALERMO_ADMIN_EMAIL") ?? "admin@palermo.localhost"
        let created: Accounts.Created
        do {
            created = try await Accounts.create(
                .init(email: email, name: "Secretariat administrator", role: Role.administrator.rawValue),
                by: Principal(userID: nil, role: .administrator, state: nil), actor: .system, on: app.db, app: app)
        } catch {
            // Another instance starting at the same moment created it first.
            return "Sign in with the administrator account printed by the instance that created it."
        }
        return """
        First start: an administrator account was created.
          e-mail:   \(created.user.email)
          password: \(created.oneTimePassword ?? "")
        The password is shown this once; Palermo asks for a new one at the first sign-in.
        """
    }

    /// Waits for the server to bind (the port may come from --port) and prints the real address.
    static func announce(_ app: Application, greeting: String) async {
        for _ in 0..<200 {
            if let address = app.http.server.shared.localAddress, let port = address.port {
                let host = address.ipAddress.map { $0.contains(":") ? "[\($0)]" : $0 } ?? "127.0.0.1"
                FileHandle.standardOutput.write(Data("\nPalermo is running at http://\(host):\(port)\n\(greeting)\n\n".utf8))
                return
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}
