import Crypto
import Foundation
import PalermoCore
import Vapor

/// What every handler knows about who is asking, set once per request by `ContextMiddleware`:
/// the person (or token), the role and State they act for, and the language of the reply.
struct RequestContext: Sendable {
    enum Credential: Sendable, Equatable {
        case none
        case session(tokenHash: String)
        case apiToken(id: UUID)
    }

    var principal: Principal = .public
    var user: UserSummary?
    var credential: Credential = .none
    var language: Language = .en
    /// The anti-forgery token every form of this page carries (double-submit cookie).
    var csrfToken: String = ""

    var localizer: Localizer { Localizer(language: language) }

    var auditActor: AuditActor {
        AuditActor(name: user?.email ?? "anonymous", role: principal.role?.rawValue ?? "public", state: principal.state ?? "")
    }
}

/// The signed-in person as pages need them, detached from the Fluent model.
struct UserSummary: Sendable, Equatable {
    var id: UUID
    var email: String
    var name: String
    var role: Role
    var state: String?
    var mustChangePassword: Bool
}

extension Request {
    private struct ContextKey: StorageKey { typealias Value = RequestContext }

    var context: RequestContext {
        get { storage[ContextKey.self] ?? RequestContext() }
        set { storage[ContextKey.self] = newValue }
    }

    var principal: Principal { context.principal }
    var t: Localizer { context.localizer }

    /// Throws 403 when the policy says no; a denied write is recorded in the audit log, so that
    /// attempts on another State's data are visible to the Secretariat.
    func authorize(_ decision: Decision, action: String, entity: String, entityID: String, isWrite: Bool) async throws {
        guard case .deny(let reason) = decision else { return }
        // Anyone not signed in is asked to sign in; only officials' refused writes are audited,
        // so that anonymous traffic cannot flood the log.
        guard principal.isSignedIn else { throw Abort(.unauthorized, reason: "sign in first") }
        if isWrite {
            try await application.store.write(on: db, by: context.auditActor) { _, audit in
                audit.record(action: "denied.\(action)", entity: entity, entityID: entityID, reason: reason)
            }
        }
        throw Abort(.forbidden, reason: reason)
    }

    /// Signed-in or 401: pages redirect to the sign-in form, the API answers with a problem.
    func requireSignedIn() throws -> UserSummary {
        guard let user = context.user else { throw Abort(.unauthorized, reason: "sign in first") }
        return user
    }
}

/// Random secrets and their digests: what is stored is only ever the SHA-256 of a secret.
enum Secret {
    static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let raw = (0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(raw).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares without leaking through timing where the first difference lies.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
