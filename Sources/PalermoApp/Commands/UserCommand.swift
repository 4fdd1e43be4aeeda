import ConsoleKit
import Fluent
import Foundation
import PalermoCore
import Vapor

/// `palermo user create|list|disable|enable`: account administration from the command line,
/// recorded in the audit log as done by the operator.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create, list, disable or enable")
        var action: String
        @Option(name: "email", help: "the account's e-mail address")
        var email: String?
        @Option(name: "name", help: "the person's name (create)")
        var name: String?
        @Option(name: "role", help: "administrator, focal-point, national-expert, observer or practitioner (create)")
        var role: String?
        @Option(name: "state", help: "ISO 3166 alpha-3 of the State the person acts for (create)")
        var state: String?
        @Option(name: "organisation", help: "organisation of an observer without a State (create)")
        var organisation: String?
        @Option(name: "reason", help: "why the account is disabled or enabled")
        var reason: String?
        @Flag(name: "password-stdin", help: "read the password from standard input instead of generating a one-time password")
        var passwordFromStdin: Bool

        init() {}
    }

    var help: String { "Creates, lists, disables and enables user accounts." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let operator_ = Principal(userID: nil, role: .administrator, state: nil)
        switch signature.action {
        case "create":
            let password = signature.passwordFromStdin ? readLine(strippingNewline: true) : nil
            let created = try await Accounts.create(
                .init(email: signature.email, name: signature.name, role: signature.role, state: signature.state,
                      organisation: signature.organisation, password: password),
                by: operator_, actor: .commandLine, on: app.db, app: app)
            context.console.print("created \(created.user.email) (\(created.user.role.rawValue)\(created.user.state.map { ", \($0)" } ?? ""))")
            if let oneTime = created.oneTimePassword {
                context.console.print("one-time password: \(oneTime)  (to be changed at first sign-in)")
            }
        case "list":
            for user in try await User.query(on: app.db).sort(\.$email).all() {
                let scope = user.state ?? user.organisation ?? "-"
                context.console.print([user.email, user.role.rawValue, scope, user.isDisabled ? "disabled" : "active"].joined(separator: "\t"))
            }
        case "disable", "enable":
            guard let email = signature.email.flatMap(EmailAddress.normalized),
                  let user = try await User.query(on: app.db).filter(\.$email == email).first(), let id = user.id
            else { throw InvalidInput([.init("email", "no account with the address \(signature.email ?? "(none given)")")]) }
            try await Accounts.setDisabled(signature.action == "disable", userID: id, reason: signature.reason ?? "by the operator",
                                           by: operator_, actor: .commandLine, on: app.db, app: app)
            context.console.print("\(signature.action)d \(email)")
        default:
            throw InvalidInput([.init("action", "must be create, list, disable or enable, not \(signature.action)")])
        }
    }
}

/// `palermo audit verify`: walks the hash chain and says whether it holds and where it breaks.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
        init() {}
    }

    var help: String { "Verifies the audit log's hash chain." }

    struct Broken: Error, CustomStringConvertible {
        var description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            throw InvalidInput([.init("action", "must be verify, not \(signature.action)")])
        }
        switch try await AuditLog.verify(on: context.application.db) {
        case .intact(let entries):
            context.console.print("audit log intact: \(entries) entries, every link holds")
        case .broken(let sequence, let reason):
            throw Broken(description: "audit log broken at entry \(sequence): \(reason)")
        }
    }
}
