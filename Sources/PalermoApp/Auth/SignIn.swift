import Fluent
import Foundation
import NIOConcurrencyHelpers
import PalermoCore
import Vapor

/// Checking a password and opening a session, with throttling that holds across instances
/// because failures are counted in the database.
enum SignIn {
    static let sessionLifetime: TimeInterval = 12 * 3600
    static let throttleWindow: TimeInterval = 15 * 60
    static let failuresPerAccount = 5
    static let failuresPerClient = 20

    enum Outcome {
        case signedIn(User, sessionToken: String)
        /// One answer for unknown account, wrong password and disabled account alike.
        case rejected
        case throttled
    }

    static func attempt(email rawEmail: String, password: String, client: String, on req: Request) async throws -> Outcome {
        let email = EmailAddress.normalized(rawEmail) ?? rawEmail.lowercased()
        let since = Date().addingTimeInterval(-throttleWindow)
        let byAccount = try await SignInFailure.query(on: req.db).filter(\.$email == email).filter(\.$at > since).count()
        let byClient = try await SignInFailure.query(on: req.db).filter(\.$client == client).filter(\.$at > since).count()
        if byAccount >= failuresPerAccount || byClient >= failuresPerClient { return .throttled }

        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        // Verify against a stand-in hash when there is no such account, so that the time taken
        // does not tell which addresses have accounts.
        let hash = user?.passwordHash ?? req.application.standInPasswordHash
        let matches = try await req.password.async.verify(password, created: hash)
        guard let user, matches, !user.isDisabled, let userID = user.id else {
            try await SignInFailure(email: email, client: client, at: Date()).create(on: req.db)
            // Failures older than the window count for nothing: drop them, so that guessing at
            // made-up addresses cannot grow the table without end.
            try await SignInFailure.query(on: req.db).filter(\.$at < since).delete()
            return .rejected
        }
        let token = Secret.make()
        let now = Date()
        let actor = AuditActor(name: user.email, role: user.role.rawValue, state: user.state ?? "")
        try await req.application.store.write(on: req.db, by: actor) { tx, audit in
            try await SignInFailure.query(on: tx).filter(\.$email == email).delete()
            try await Session(tokenHash: Secret.digest(token), userID: userID, createdAt: now,
                              expiresAt: now.addingTimeInterval(sessionLifetime)).create(on: tx)
            try await Session.query(on: tx).filter(\.$expiresAt < now).delete()
            audit.record(action: "session.sign-in", entity: "user", entityID: userID.uuidString)
        }
        return .signedIn(user, sessionToken: token)
    }

    /// Deletes the session server-side: the cookie is worthless from this moment on.
    static func signOut(_ req: Request) async throws {
        guard case .session(let hash) = req.context.credential, let user = req.context.user else { return }
        try await req.application.store.write(on: req.db, by: req.context.auditActor) { tx, audit in
            try await Session.query(on: tx).filter(\.$id == hash).delete()
            audit.record(action: "session.sign-out", entity: "user", entityID: user.id.uuidString)
        }
    }
}

extension Application {
    private struct StandInHashKey: StorageKey { typealias Value = NIOLockedValueBox<String?> }
    private struct StoreKey: StorageKey { typealias Value = Store }

    /// A hash of a random password at the configured cost, made at the first sign-in rather
    /// than at start, where it would slow every command by a quarter of a second.
    var standInPasswordHash: String {
        let box = storage[StandInHashKey.self] ?? {
            let box = NIOLockedValueBox<String?>(nil)
            storage[StandInHashKey.self] = box
            return box
        }()
        return box.withLockedValue { hash in
            if let hash { return hash }
            let made = (try? Bcrypt.hash(Secret.make(), cost: settings.bcryptCost)) ?? ""
            hash = made
            return made
        }
    }

    var store: Store {
        get {
            guard let store = storage[StoreKey.self] else { fatalError("configure(_:) sets the store") }
            return store
        }
        set { storage[StoreKey.self] = newValue }
    }
}
