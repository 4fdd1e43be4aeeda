import Fluent
import Foundation
import PalermoCore

/// A person who signs in. Role and State together are the person's scope.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Enum(key: "role") var role: Role
    @OptionalField(key: "state_iso3") var state: String?
    @OptionalField(key: "organisation") var organisation: String?
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(email: String, name: String, passwordHash: String, role: Role, state: String?,
         organisation: String? = nil, mustChangePassword: Bool = false) {
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.state = state
        self.organisation = organisation
        self.mustChangePassword = mustChangePassword
    }

    var isDisabled: Bool { disabledAt != nil }

    var principal: Principal { Principal(userID: id?.uuidString, role: role, state: state) }

    /// What the audit log keeps of an account: never its password hash.
    var auditSummary: [String: String] {
        ["email": email, "name": name, "role": role.rawValue, "state": state ?? "",
         "organisation": organisation ?? "", "disabled": isDisabled ? "yes" : "no"]
    }
}

/// A signed-in browser. The cookie holds a random token; the table holds only its SHA-256, so a
/// copy of the database does not let anyone in.
final class Session: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "token_hash", generatedBy: .user) var id: String?
    @Parent(key: "user_id") var user: User
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, createdAt: Date, expiresAt: Date) {
        self.id = tokenHash
        self.$user.id = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A credential for machine clients, scoped to a role and State no wider than its owner's.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Enum(key: "role") var role: Role
    @OptionalField(key: "state_iso3") var state: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}

    init(userID: UUID, name: String, tokenHash: String, role: Role, state: String?) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.role = role
        self.state = state
    }
}

/// A failed sign-in, kept for fifteen minutes to throttle guessing across every instance.
final class SignInFailure: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "client") var client: String
    @Field(key: "at") var at: Date

    init() {}

    init(email: String, client: String, at: Date) {
        self.email = email
        self.client = client
        self.at = at
    }
}
