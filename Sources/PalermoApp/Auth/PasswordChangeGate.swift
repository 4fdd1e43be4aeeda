import Vapor

/// A person signed in with a password someone else chose (a one-time password) goes nowhere
/// but the password page until they have chosen their own.
struct PasswordChangeGate: AsyncMiddleware {
    static let open: Set<String> = [SiteURL.password.path, SiteURL.signOut.path]

    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let user = req.context.user, user.mustChangePassword, case .session = req.context.credential,
              !Self.open.contains(req.url.path)
        else { return try await next.respond(to: req) }
        return req.redirect(.password)
    }
}
