import Fluent
import Foundation
import PalermoCore
import Vapor

/// Creating and disabling accounts: one path for the command line, the web and the API.
enum Accounts {
    struct NewAccount: Content, Sendable {
        var email: String?
        var name: String?
        var role: String?
        var state: String?
        var organisation: String?
        /// Left empty, a one-time password is generated and must be changed at first sign-in.
        var password: String?
    }

    struct Created: Sendable {
        var user: UserSummary
        /// Shown once, to the person who created the account, when Palermo chose the password.
        var oneTimePassword: String?
    }

    static func create(_ input: NewAccount, by principal: Principal, actor: AuditActor,
                       on db: Database, app: Application) async throws -> Created {
        var problems: [FieldProblem] = []
        let email = EmailAddress.normalized(input.email ?? "")
        if email == nil { problems.append(.init("email", "must be an e-mail address such as name@example.org")) }
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { problems.append(.init("name", "must be 1 to 200 characters")) }
        let role = Role(rawValue: input.role ?? "")
        if role == nil {
            problems.append(.init("role", "must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let state = input.state.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.flatMap { $0.isEmpty ? nil : $0 }
        if let state, try await StateRecord.find(state, on: db) == nil {
            problems.append(.init("state", "\(state) is not a known State code (ISO 3166 alpha-3)"))
        }
        if let role, role.requiresState, state == nil {
            problems.append(.init("state", "a \(role.rawValue) acts for one State: give its code"))
        }
        if role == .administrator, state != nil {
            problems.append(.init("state", "administrators act for the Secretariat, not for a State"))
        }
        let oneTime = (input.password ?? "").isEmpty ? Secret.make(bytes: 12) : nil
        let password = oneTime ?? input.password ?? ""
        for problem in PasswordPolicy.problems(password: password, email: email ?? "") {
            problems.append(.init("password", problem))
        }
        if let email, try await User.query(on: db).filter(\.$email == email).first() != nil {
            problems.append(.init("email", "an account with this address exists already"))
        }
        try InvalidInput.check(problems)
        guard let email, let role else { throw Abort(.internalServerError) }

        if case .deny(let reason) = UserPolicy.manage(principal, role: role, state: state) {
            throw Abort(.forbidden, reason: reason)
        }
        let hash = try await app.password.async(on: app.threadPool, hopTo: db.eventLoop).hash(password)
        let organisation = input.organisation?.trimmingCharacters(in: .whitespacesAndNewlines)
        let user = User(email: email, name: name, passwordHash: hash, role: role, state: state,
                        organisation: organisation?.isEmpty == false ? organisation : nil,
                        mustChangePassword: oneTime != nil)
        try await app.store.write(on: db, by: actor) { tx, audit in
            try await user.create(on: tx)
            audit.record(action: "user.create", entity: "user", entityID: user.id?.uuidString ?? "", new: user.auditSummary)
        }
        return Created(user: UserSummary(user, role: role, state: state), oneTimePassword: oneTime)
    }

    static func setDisabled(_ disabled: Bool, userID: UUID, reason: String, by principal: Principal,
                            actor: AuditActor, on db: Database, app: Application) async throws {
        guard let user = try await User.find(userID, on: db) else {
            throw Abort(.notFound, reason: "no account \(userID.uuidString)")
        }
        if case .deny(let why) = UserPolicy.manage(principal, role: user.role, state: user.state) {
            try await app.store.write(on: db, by: actor) { _, audit in
                audit.record(action: "denied.user.disable", entity: "user", entityID: userID.uuidString, reason: why)
            }
            throw Abort(.forbidden, reason: why)
        }
        if disabled && principal.userID == userID.uuidString {
            throw InvalidInput([.init("user", "you cannot disable your own account")])
        }
        let before = user.auditSummary
        user.disabledAt = disabled ? Date() : nil
        try await app.store.write(on: db, by: actor) { tx, audit in
            try await user.update(on: tx)
            // A disabled account loses its sessions and tokens at once.
            if disabled {
                try await Session.query(on: tx).filter(\.$user.$id == userID).delete()
                try await APIToken.query(on: tx).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
                    .set(\.$revokedAt, to: Date()).update()
            }
            audit.recordUpdate(action: disabled ? "user.disable" : "user.enable", entity: "user",
                               entityID: userID.uuidString, old: before, new: user.auditSummary, reason: reason)
        }
    }

    /// A new password chosen by its owner, checked against the policy.
    static func changePassword(userID: UUID, current: String, new: String, actor: AuditActor,
                               on db: Database, app: Application) async throws {
        guard let user = try await User.find(userID, on: db) else { throw Abort(.notFound) }
        var problems: [FieldProblem] = []
        let hasher = app.password.async(on: app.threadPool, hopTo: db.eventLoop)
        if !(try await hasher.verify(current, created: user.passwordHash)) {
            problems.append(.init("current", "is not your current password"))
        }
        problems += PasswordPolicy.problems(password: new, email: user.email).map { .init("password", $0) }
        if current == new { problems.append(.init("password", "must differ from the current password")) }
        try InvalidInput.check(problems)
        user.passwordHash = try await hasher.hash(new)
        user.mustChangePassword = false
        try await app.store.write(on: db, by: actor) { tx, audit in
            try await user.update(on: tx)
            audit.record(action: "user.password", entity: "user", entityID: userID.uuidString, reason: "changed by its owner")
        }
    }
}
