import Fluent
import Foundation
import PalermoCore
import Vapor

/// Establishes the request context: language, then credential (API token or session cookie),
/// then the anti-forgery token. Runs on every request.
struct ContextMiddleware: AsyncMiddleware {
    static let sessionCookie = "palermo_session"
    static let csrfCookie = "palermo_csrf"
    static let languageCookie = "palermo_lang"

    let secureCookies: Bool

    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        var context = RequestContext()
        let chosen = req.query[String.self, at: "lang"].flatMap(Language.init(rawValue:))
        context.language = chosen
            ?? req.cookies[Self.languageCookie].flatMap { Language(rawValue: $0.string) }
            ?? Language.negotiate(acceptLanguage: req.headers.first(name: .acceptLanguage))
        req.context = context

        if let bearer = req.headers.bearerAuthorization {
            try await authenticate(token: bearer.token, req)
        } else if let cookie = req.cookies[Self.sessionCookie]?.string {
            try await authenticate(session: cookie, req)
        }

        let existingCSRF = req.cookies[Self.csrfCookie]?.string
        req.context.csrfToken = existingCSRF.flatMap { $0.count >= 32 ? $0 : nil } ?? Secret.make()

        let response = try await next.respond(to: req)
        if existingCSRF != req.context.csrfToken {
            response.cookies[Self.csrfCookie] = cookie(req.context.csrfToken, maxAge: nil)
        }
        if let chosen {
            response.cookies[Self.languageCookie] = cookie(chosen.rawValue, maxAge: 365 * 24 * 3600, httpOnly: false)
        }
        return response
    }

    func cookie(_ value: String, maxAge: Int?, httpOnly: Bool = true) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, maxAge: maxAge, path: "/", isSecure: secureCookies,
                          isHTTPOnly: httpOnly, sameSite: .lax)
    }

    /// A bad or revoked token is refused outright (401) rather than treated as anonymous, so a
    /// machine client learns at once that its credential no longer works.
    private func authenticate(token: String, _ req: Request) async throws {
        guard let record = try await APIToken.query(on: req.db)
            .filter(\.$tokenHash == Secret.digest(token)).filter(\.$revokedAt == nil)
            .with(\.$user).first(),
            !record.user.isDisabled, let id = record.id
        else { throw Abort(.unauthorized, reason: "the API token is unknown, revoked or its owner disabled") }
        req.context.principal = Principal(userID: record.user.id?.uuidString, role: record.role, state: record.state)
        req.context.user = UserSummary(record.user, role: record.role, state: record.state)
        req.context.credential = .apiToken(id: id)
        // When a token was last used helps its owner spot one that leaked; once a minute is
        // precise enough and spares a write per request.
        if (record.lastUsedAt ?? .distantPast) < Date().addingTimeInterval(-60) {
            try await APIToken.query(on: req.db).filter(\.$id == id).set(\.$lastUsedAt, to: Date()).update()
        }
    }

    /// An unknown or expired session simply means "not signed in"; the stale cookie is harmless.
    private func authenticate(session token: String, _ req: Request) async throws {
        let hash = Secret.digest(token)
        guard let session = try await Session.query(on: req.db).filter(\.$id == hash)
            .filter(\.$expiresAt > Date()).with(\.$user).first(),
            !session.user.isDisabled
        else { return }
        req.context.principal = session.user.principal
        req.context.user = UserSummary(session.user, role: session.user.role, state: session.user.state)
        req.context.credential = .session(tokenHash: hash)
    }
}

extension UserSummary {
    init(_ user: User, role: Role, state: String?) {
        self.init(id: user.id ?? UUID(), email: user.email, name: user.name, role: role, state: state,
                  mustChangePassword: user.mustChangePassword)
    }
}

/// Refuses state-changing requests that do not carry the page's anti-forgery token. API calls
/// authenticated by a bearer token carry no cookie and so cannot be forged cross-site.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(req.method) else { return try await next.respond(to: req) }
        if case .apiToken = req.context.credential { return try await next.respond(to: req) }
        // An API call that carries no credential at all has nothing to forge; it is refused
        // (or not) by the policy of what it asks for.
        if case .none = req.context.credential, req.url.path.hasPrefix("/api/") { return try await next.respond(to: req) }
        guard let expected = req.cookies[ContextMiddleware.csrfCookie]?.string else {
            throw Abort(.forbidden, reason: "the form's security token is missing: reload the page and try again")
        }
        var presented = req.headers.first(name: "X-CSRF-Token")
        if presented == nil, req.content.contentType == .urlEncodedForm || req.content.contentType == .formData {
            // As much as the largest form accepts (a workbook uploaded without script).
            _ = try await req.body.collect(upTo: 64 * 1024 * 1024)
            presented = try? req.content.get(String.self, at: "_csrf")
        }
        guard let presented, Secret.equal(presented, expected) else {
            throw Abort(.forbidden, reason: "the form's security token does not match: reload the page and try again")
        }
        return try await next.respond(to: req)
    }
}
