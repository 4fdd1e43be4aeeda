import Foundation
import PalermoCore
import Vapor

/// RFC 9457 problem details: what the API answers when it refuses a request.
struct ProblemDetails: Content {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String
    /// Each field at fault, all at once.
    var errors: [FieldProblem]?
}

/// Turns every error into an answer the client can act on: problem details under /api, a page
/// in the visitor's language elsewhere. Only a fault of ours is a 500, and it reveals nothing.
struct PalermoErrorMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let (status, detail, problems) = Self.classify(error)
            if status.code >= 500 {
                req.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(req.url.path)"])
            }
            if req.url.path.hasPrefix("/api/") || req.url.path == "/openapi.json" || !Self.prefersHTML(req) {
                let problem = ProblemDetails(title: status.reasonPhrase, status: Int(status.code), detail: detail, errors: problems)
                var headers = HTTPHeaders()
                headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
                return Response(status: status, headers: headers, body: .init(data: try JSONEncoder().encode(problem)))
            }
            if status == .unauthorized {
                return req.redirect(to: SiteURL.signIn.path, redirectType: .normal)
            }
            var page = ErrorPage.view(status: status, reason: problems.map { $0.map { "\($0.field): \($0.detail)" }.joined(separator: "; ") } ?? detail, context: req.context)
            page.status = status
            return req.page(page)
        }
    }

    static func prefersHTML(_ req: Request) -> Bool {
        let accept = req.headers.first(name: .accept) ?? ""
        return accept.isEmpty || accept.contains("text/html") || accept.contains("*/*")
    }

    static func classify(_ error: Error) -> (HTTPResponseStatus, String, [FieldProblem]?) {
        switch error {
        case let invalid as InvalidInput:
            return (.badRequest, "the request has \(invalid.problems.count) problem(s)", invalid.problems)
        case let decoding as DecodingError:
            let problem = describe(decoding)
            return (.badRequest, "the request body or query could not be read", [problem])
        case let abort as AbortError:
            return (abort.status, abort.reason, nil)
        default:
            return (.internalServerError, "something went wrong on our side; it has been logged", nil)
        }
    }

    /// Names the field a decoding error is about, as a dotted path.
    static func describe(_ error: DecodingError) -> FieldProblem {
        func path(_ keys: [CodingKey]) -> String {
            let joined = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "body" : joined
        }
        switch error {
        case .typeMismatch(let type, let context): return .init(path(context.codingPath), "must be \(readable(type))")
        case .valueNotFound(let type, let context): return .init(path(context.codingPath), "must be \(readable(type)), not null")
        case .keyNotFound(let key, let context): return .init(path(context.codingPath + [key]), "is required")
        case .dataCorrupted(let context): return .init(path(context.codingPath), "is not well-formed: \(context.debugDescription)")
        @unknown default: return .init("body", "could not be read")
        }
    }

    private static func readable(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        default: "a \(type)"
        }
    }
}

/// Headers every response carries: no inline script, no framing, no type sniffing.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'",
    ].joined(separator: "; ")

    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if response.headers.first(name: .cacheControl) == nil, req.context.user != nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
