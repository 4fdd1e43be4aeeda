import Fluent
import Foundation
import PalermoCore
import Vapor

/// The JSON API under /api/v1, described in Resources/openapi.json. Every handler checks the
/// same policies as the pages.
enum APIController {
    static func states(_ req: Request) async throws -> [StateDTO] {
        var query = StateRecord.query(on: req.db)
        if let region = req.query[String.self, at: "region"]?.nonEmpty { query = query.filter(\.$region == region) }
        if let subregion = req.query[String.self, at: "subregion"]?.nonEmpty { query = query.filter(\.$subregion == subregion) }
        return try await query.sort(\.$id).all().map(StateDTO.init)
    }

    static func state(_ req: Request) async throws -> StateDTO {
        StateDTO(try await req.stateParameter())
    }

    static func treaty(_ req: Request) async throws -> TreatyDTO {
        let instrument = try req.instrumentParameter()
        let model = try await TreatyPage.query(instrument, principal: req.principal, on: req.db)
        return TreatyDTO(
            instrument: instrument.rawValue, treatyCollectionID: instrument.treatyCollectionID,
            parties: model.rows.filter { $0.standing.status == .party }.count,
            partiesOverTime: model.cumulative.map { .init(year: $0.year, parties: $0.parties) },
            source: ReferenceData.shared.treaties.source,
            states: model.rows.map { TreatyStatusDTO($0.standing, instrument: instrument, record: $0.status) })
    }

    static func updateTreaty(_ req: Request) async throws -> TreatyStatusDTO {
        let instrument = try req.instrumentParameter()
        let state = try await req.stateParameter()
        let update = try req.content.decode(TreatyUpdate.self)
        let status = try await update.apply(instrument: instrument, state: state, on: req)
        return TreatyStatusDTO(status.standing, instrument: instrument, record: status)
    }

    static func me(_ req: Request) async throws -> MeDTO {
        var user: User?
        if let id = req.context.user?.id { user = try await User.find(id, on: req.db) }
        let credential = switch req.context.credential {
        case .none: "none"
        case .session: "session"
        case .apiToken: "token"
        }
        return MeDTO(signedIn: user != nil, user: user.map(UserDTO.init), role: req.principal.role?.rawValue,
                     state: req.principal.state, credential: credential)
    }

    static func users(_ req: Request) async throws -> [UserDTO] {
        let state = req.query[String.self, at: "state"]?.nonEmpty?.uppercased()
        try await req.authorize(UserPolicy.list(req.principal, state: state), action: "user.list", entity: "user", entityID: state ?? "*", isWrite: false)
        var query = User.query(on: req.db)
        if let state { query = query.filter(\.$state == state) }
        return try await query.sort(\.$email).all().map(UserDTO.init)
    }

    static func createUser(_ req: Request) async throws -> Response {
        _ = try req.requireSignedIn()
        let input = try req.content.decode(Accounts.NewAccount.self)
        if let role = Role(rawValue: input.role ?? "") {
            let state = input.state?.nonEmpty?.uppercased()
            try await req.authorize(UserPolicy.manage(req.principal, role: role, state: state), action: "user.create",
                                    entity: "user", entityID: state ?? "*", isWrite: true)
        }
        let created = try await Accounts.create(input, by: req.principal, actor: req.context.auditActor, on: req.db, app: req.application)
        guard let user = try await User.find(created.user.id, on: req.db) else { throw Abort(.internalServerError) }
        return try await CreatedUserDTO(user: UserDTO(user), oneTimePassword: created.oneTimePassword).encodeResponse(status: .created, for: req)
    }

    static func disableUser(_ req: Request) async throws -> UserDTO {
        try await setDisabled(true, req)
    }

    static func enableUser(_ req: Request) async throws -> UserDTO {
        try await setDisabled(false, req)
    }

    struct ReasonBody: Content { var reason: String? }

    private static func setDisabled(_ disabled: Bool, _ req: Request) async throws -> UserDTO {
        _ = try req.requireSignedIn()
        let id = try req.idParameter()
        let reason = (try? req.content.decode(ReasonBody.self))?.reason?.nonEmpty ?? "through the API"
        try await Accounts.setDisabled(disabled, userID: id, reason: reason, by: req.principal,
                                       actor: req.context.auditActor, on: req.db, app: req.application)
        guard let user = try await User.find(id, on: req.db) else { throw Abort(.notFound) }
        return UserDTO(user)
    }

    static func audit(_ req: Request) async throws -> [AuditEntryDTO] {
        try await req.authorize(AuditPolicy.read(req.principal), action: "audit.read", entity: "audit", entityID: "*", isWrite: false)
        let filter = try req.query.decode(AuditPage.Filter.self)
        return try await AuditPage.query(filter, on: req.db).map(AuditEntryDTO.init)
    }

    static func auditVerify(_ req: Request) async throws -> AuditVerdictDTO {
        try await req.authorize(AuditPolicy.read(req.principal), action: "audit.read", entity: "audit", entityID: "*", isWrite: false)
        switch try await AuditLog.verify(on: req.db) {
        case .intact(let entries): return AuditVerdictDTO(intact: true, entries: entries)
        case .broken(let sequence, let reason): return AuditVerdictDTO(intact: false, brokenAt: sequence, reason: reason)
        }
    }

    static func tokens(_ req: Request) async throws -> [TokenDTO] {
        try await Tokens.list(for: try req.requireSignedIn(), on: req.db).map { TokenDTO($0) }
    }

    static func createToken(_ req: Request) async throws -> Response {
        let user = try req.requireSignedIn()
        let (token, secret) = try await Tokens.create(try req.content.decode(Tokens.NewToken.self), for: user, on: req)
        return try await TokenDTO(token, secret: secret).encodeResponse(status: .created, for: req)
    }

    static func revokeToken(_ req: Request) async throws -> HTTPStatus {
        try await Tokens.revoke(try req.idParameter(), by: try req.requireSignedIn(), on: req)
        return .noContent
    }
}
