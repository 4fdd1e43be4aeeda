import PalermoCore
import Vapor

/// Signing in and out.
enum SessionController {
    struct Credentials: Content {
        var email: String?
        var password: String?
    }

    static func form(_ req: Request) async throws -> Response {
        if req.context.user != nil { return req.redirect(.account) }
        return req.page(SignInPage.view(email: "", message: nil, context: req.context))
    }

    static func signIn(_ req: Request) async throws -> Response {
        let credentials = try req.content.decode(Credentials.self)
        let email = credentials.email ?? ""
        let client = req.remoteAddress?.ipAddress ?? "unknown"
        switch try await SignIn.attempt(email: email, password: credentials.password ?? "", client: client, on: req) {
        case .signedIn(let user, let token):
            let response = req.redirect(user.mustChangePassword ? .password : .account)
            response.cookies[ContextMiddleware.sessionCookie] = ContextMiddleware(secureCookies: req.application.settings.secureCookies)
                .cookie(token, maxAge: Int(SignIn.sessionLifetime))
            return response
        case .rejected:
            return req.page(SignInPage.view(email: email, message: req.t("signIn.rejected"), context: req.context, status: .unauthorized))
        case .throttled:
            return req.page(SignInPage.view(email: email, message: req.t("signIn.throttled"), context: req.context, status: .tooManyRequests))
        }
    }

    static func signOut(_ req: Request) async throws -> Response {
        try await SignIn.signOut(req)
        let response = req.redirect(.home)
        response.cookies[ContextMiddleware.sessionCookie] = ContextMiddleware(secureCookies: req.application.settings.secureCookies)
            .cookie("", maxAge: 0)
        return response
    }
}
