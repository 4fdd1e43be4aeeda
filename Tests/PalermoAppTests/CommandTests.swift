import ConsoleKit
import Fluent
import Foundation
@testable import PalermoApp
import PalermoCore
import Testing
import Vapor

@Suite("Command line")
struct CommandTests {
    func run(_ command: some AsyncCommand, _ arguments: [String], on app: Application) async throws {
        var context = CommandContext(console: app.console, input: CommandInput(arguments: ["palermo"] + arguments))
        context.application = app
        try await command.run(using: &context)
    }

    @Test("palermo user create, list and disable work on the store and are audited as the operator", arguments: TestStore.all)
    func users(store: TestStore) async throws {
        try await withPalermo(store) { app in
            // MUT
            try await run(UserCommand(), ["create", "--email", "Focal@MFA.gov.ke", "--name", "Focal Point", "--role", "focal-point", "--state", "ken"], on: app)
            try await run(UserCommand(), ["list"], on: app)
            try await run(UserCommand(), ["disable", "--email", "focal@mfa.gov.ke", "--reason", "left the ministry"], on: app)
            // validation
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "focal@mfa.gov.ke").first())
            #expect(user.role == .focalPoint && user.state == "KEN" && user.mustChangePassword && user.isDisabled)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$actor == "command line").sort(\.$id).all()
            #expect(entries.map(\.action) == ["user.create", "user.disable"])
            #expect(entries.last?.reason == "left the ministry")
        }
    }

    @Test("bad arguments are refused with every problem named, and nothing is written")
    func badArguments() async throws {
        try await withPalermo(.sqlite) { app in
            await #expect(throws: InvalidInput.self) {
                try await run(UserCommand(), ["create", "--email", "nope", "--role", "emperor", "--state", "XXX"], on: app)
            }
            do {
                try await run(UserCommand(), ["create", "--email", "nope", "--role", "focal-point"], on: app)
            } catch let invalid as InvalidInput {
                #expect(Set(invalid.problems.map(\.field)) == ["email", "name", "state"])
            }
            await #expect(throws: InvalidInput.self) { try await run(UserCommand(), ["promote"], on: app) }
            await #expect(throws: InvalidInput.self) { try await run(UserCommand(), ["disable", "--email", "ghost@un.org"], on: app) }
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }

    @Test("palermo audit verify passes on an intact log and fails, naming the entry, on a broken one")
    func auditVerify() async throws {
        try await withPalermo(.sqlite) { app in
            try await run(AuditCommand(), ["verify"], on: app)
            let first = try #require(try await AuditEntry.query(on: app.db).sort(\.$id).first())
            first.reason = "rewritten"
            try await first.update(on: app.db)
            do {
                try await run(AuditCommand(), ["verify"], on: app)
                Issue.record("a broken chain passed")
            } catch let broken as AuditCommand.Broken {
                #expect(broken.description.contains("entry 1"))
            }
        }
    }
}
