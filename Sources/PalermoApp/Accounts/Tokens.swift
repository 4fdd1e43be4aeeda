import Fluent
import Foundation
import PalermoCore
import Vapor

/// API tokens: made by their owner, shown once, stored as a digest, revoked at once.
enum Tokens {
    struct NewToken: Content, Sendable {
        var name: String?
        var role: String?
    }

    static func create(_ input: NewToken, for user: UserSummary, on req: Request) async throws -> (APIToken, String) {
        var problems: [FieldProblem] = []
        let name = input.name?.nonEmpty
        if name == nil || name!.count > 100 { problems.append(.init("name", "must be 1 to 100 characters")) }
        let role = input.role.flatMap(Role.init(rawValue:)) ?? (input.role == nil ? user.role : nil)
        if role == nil { problems.append(.init("role", "must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")) }
        try InvalidInput.check(problems)
        guard let name, let role else { throw Abort(.internalServerError) }
        let owner = Principal(userID: user.id.uuidString, role: user.role, state: user.state)
        try await req.authorize(TokenPolicy.create(owner, role: role, state: user.state), action: "token.create",
                                entity: "user", entityID: user.id.uuidString, isWrite: true)
        let secret = "plm_" + Secret.make()
        let token = APIToken(userID: user.id, name: name, tokenHash: Secret.digest(secret), role: role, state: user.state)
        try await req.application.store.write(on: req.db, by: req.context.auditActor) { tx, audit in
            try await token.create(on: tx)
            audit.record(action: "token.create", entity: "token", entityID: token.id?.uuidString ?? "",
                         new: ["name": name, "role": role.rawValue, "state": user.state ?? "", "owner": user.email])
        }
        return (token, secret)
    }

    /// Revokes one of the caller's tokens (or any, for the Secretariat).
    static func revoke(_ id: UUID, by user: UserSummary, on req: Request) async throws {
        guard let token = try await APIToken.find(id, on: req.db) else { throw Abort(.notFound, reason: "no token \(id.uuidString)") }
        guard token.$user.id == user.id || user.role == .administrator else {
            try await req.authorize(.deny("a token is revoked by its owner or the Secretariat"), action: "token.revoke",
                                    entity: "token", entityID: id.uuidString, isWrite: true)
            return
        }
        guard token.revokedAt == nil else { return }
        token.revokedAt = Date()
        try await req.application.store.write(on: req.db, by: req.context.auditActor) { tx, audit in
            try await token.update(on: tx)
            audit.record(action: "token.revoke", entity: "token", entityID: id.uuidString, old: ["revoked": "no"], new: ["revoked": "yes"])
        }
    }

    static func list(for user: UserSummary, on db: Database) async throws -> [APIToken] {
        try await APIToken.query(on: db).filter(\.$user.$id == user.id).sort(\.$createdAt, .descending).all()
    }
}
