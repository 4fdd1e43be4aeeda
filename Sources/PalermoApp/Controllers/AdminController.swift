import Fluent
import PalermoCore
import Vapor

/// The Secretariat's administration: every account, and the audit log.
enum AdminController {
    static func users(_ req: Request) async throws -> Response {
        try await req.authorize(UserPolicy.list(req.principal, state: nil), action: "user.list", entity: "user", entityID: "*", isWrite: false)
        return req.page(UsersPage.view(try await usersModel(req), context: req.context))
    }

    static func createUser(_ req: Request) async throws -> Response {
        try await req.authorize(UserPolicy.list(req.principal, state: nil), action: "user.create", entity: "user", entityID: "*", isWrite: true)
        let input = try req.content.decode(Accounts.NewAccount.self)
        var model = try await usersModel(req)
        do {
            model.created = try await Accounts.create(input, by: req.principal, actor: req.context.auditActor, on: req.db, app: req.application)
            model.users = try await User.query(on: req.db).sort(\.$email).all()
        } catch let invalid as InvalidInput {
            model.form = input
            model.problems = invalid.problems
            var page = UsersPage.view(model, context: req.context)
            page.status = .badRequest
            return req.page(page)
        }
        return req.page(UsersPage.view(model, context: req.context))
    }

    static func disableUser(_ req: Request) async throws -> Response {
        try await setDisabled(true, req)
    }

    static func enableUser(_ req: Request) async throws -> Response {
        try await setDisabled(false, req)
    }

    private static func setDisabled(_ disabled: Bool, _ req: Request) async throws -> Response {
        _ = try req.requireSignedIn()
        try await Accounts.setDisabled(disabled, userID: try req.idParameter(), reason: "by the Secretariat on the web",
                                       by: req.principal, actor: req.context.auditActor, on: req.db, app: req.application)
        return req.redirect(.adminUsers)
    }

    private static func usersModel(_ req: Request) async throws -> UsersPage.Model {
        UsersPage.Model(users: try await User.query(on: req.db).sort(\.$email).all(),
                        states: try await StateRecord.query(on: req.db).all())
    }

    static func audit(_ req: Request) async throws -> Response {
        try await req.authorize(AuditPolicy.read(req.principal), action: "audit.read", entity: "audit", entityID: "*", isWrite: false)
        let filter = try req.query.decode(AuditPage.Filter.self)
        let entries = try await AuditPage.query(filter, on: req.db)
        let verdict = try await AuditLog.verify(on: req.db)
        return req.page(AuditPage.view(entries: entries, filter: filter, verdict: verdict, context: req.context))
    }
}
