import PalermoCore
import Vapor

/// The signed-in person's own account: overview, password, API tokens.
enum AccountController {
    static func show(_ req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        return req.page(AccountPage.view(.init(user: user, tokens: try await Tokens.list(for: user, on: req.db)), context: req.context))
    }

    static func passwordForm(_ req: Request) async throws -> Response {
        _ = try req.requireSignedIn()
        return req.page(PasswordPage.view(problems: [], context: req.context))
    }

    struct PasswordChange: Content {
        var current: String?
        var password: String?
    }

    static func changePassword(_ req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let form = try req.content.decode(PasswordChange.self)
        do {
            try await Accounts.changePassword(userID: user.id, current: form.current ?? "", new: form.password ?? "",
                                              actor: req.context.auditActor, on: req.db, app: req.application)
        } catch let invalid as InvalidInput {
            var page = PasswordPage.view(problems: invalid.problems, context: req.context)
            page.status = .badRequest
            return req.page(page)
        }
        return req.redirect(.account)
    }

    static func createToken(_ req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let input = try req.content.decode(Tokens.NewToken.self)
        do {
            let (_, secret) = try await Tokens.create(input, for: user, on: req)
            return req.page(AccountPage.view(.init(user: user, tokens: try await Tokens.list(for: user, on: req.db), newToken: secret), context: req.context))
        } catch let invalid as InvalidInput {
            var page = AccountPage.view(.init(user: user, tokens: try await Tokens.list(for: user, on: req.db), problems: invalid.problems), context: req.context)
            page.status = .badRequest
            return req.page(page)
        }
    }

    static func revokeToken(_ req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        try await Tokens.revoke(try req.idParameter(), by: user, on: req)
        return req.redirect(.account)
    }
}
