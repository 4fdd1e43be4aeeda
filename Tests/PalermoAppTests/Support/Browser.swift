import Foundation
import NIOCore
@testable import PalermoApp
import PalermoCore
import Testing
import Vapor
import VaporTesting

/// A person at a browser: keeps cookies between requests and sends each form with the page's
/// anti-forgery token, as a real browser would.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]

    init(_ app: Application) {
        self.app = app
    }

    @discardableResult
    mutating func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers)
    }

    /// Posts a form; `_csrf` is added from the cookie unless `csrf` overrides it.
    @discardableResult
    mutating func post(_ path: String, form: [String: String], csrf: String? = nil) async throws -> TestingHTTPResponse {
        if cookies[ContextMiddleware.csrfCookie] == nil { try await get("/") }
        var fields = form
        fields["_csrf"] = csrf ?? cookies[ContextMiddleware.csrfCookie]
        var components = URLComponents()
        components.queryItems = fields.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        let body = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    mutating func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> TestingHTTPResponse {
        var headers = headers
        if headers.first(name: .accept) == nil { headers.add(name: .accept, value: "text/html") }
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1].isEmpty || header.lowercased().contains("max-age=0") { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
        }
        return response
    }

    @discardableResult
    mutating func signIn(_ email: String, _ password: String) async throws -> TestingHTTPResponse {
        try await post("/sign-in", form: ["email": email, "password": password])
    }
}

extension TestingHTTPResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
}

/// Accounts made straight through the service, for tests that are not about making them.
enum Fixtures {
    static let password = "correct horse battery staple"

    @discardableResult
    static func user(_ app: Application, email: String, role: Role, state: String? = nil) async throws -> UserSummary {
        try await Accounts.create(.init(email: email, name: email, role: role.rawValue, state: state, password: password),
                                  by: Principal(userID: nil, role: .administrator, state: nil), actor: .system,
                                  on: app.db, app: app).user
    }

    /// A signed-in browser for a new account of the given role.
    static func signedIn(_ app: Application, _ email: String, role: Role, state: String? = nil) async throws -> Browser {
        try await user(app, email: email, role: role, state: state)
        var browser = Browser(app)
        let response = try await browser.signIn(email, password)
        #expect(response.status == .seeOther, "sign-in of \(email) failed: \(response.status)")
        return browser
    }

    static func token(_ app: Application, email: String, role: Role, state: String? = nil) async throws -> String {
        var browser = try await signedIn(app, email, role: role, state: state)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: "X-CSRF-Token", value: browser.cookies[ContextMiddleware.csrfCookie] ?? "")
        headers.replaceOrAdd(name: .accept, value: "application/json")
        let response = try await browser.send(.POST, "/api/v1/tokens", headers: headers, body: ByteBuffer(string: #"{"name":"test"}"#))
        let token = try response.content.decode(TokenDTO.self).token
        return try #require(token)
    }
}

func bearer(_ token: String, json: Bool = false) -> HTTPHeaders {
    var headers = HTTPHeaders()
    headers.bearerAuthorization = BearerAuthorization(token: token)
    headers.add(name: .accept, value: "application/json")
    if json { headers.contentType = .json }
    return headers
}

extension TestingHTTPResponse {
    /// The RFC 9457 body of a refused API call.
    func problem() throws -> ProblemDetails {
        #expect(headers.contentType?.description.hasPrefix("application/problem+json") == true)
        return try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: body))
    }
}
