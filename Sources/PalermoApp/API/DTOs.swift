import Foundation
import PalermoCore
import Vapor

/// What the JSON API returns, kept apart from the Fluent models so that the contract changes
/// only on purpose.
struct StateDTO: Content {
    var iso3: String
    var iso2: String
    var m49: String
    var region: String
    var subregion: String
    var unStatus: String
    var inGlotip: Bool
    var population: Int?
    var populationYear: Int?
    var names: [String: String]

    init(_ s: StateRecord) {
        iso3 = s.iso3; iso2 = s.iso2; m49 = s.m49; region = s.region; subregion = s.subregion
        unStatus = s.unStatus; inGlotip = s.inGlotip; population = s.population; populationYear = s.populationYear
        names = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, s.name(in: $0)) })
    }
}

struct TreatyStatusDTO: Content {
    var state: String
    var instrument: String
    var status: String
    var signature: String?
    var consent: String?
    var consentKind: String?
    var partyYear: Int?
    var declarations: String
    var reservations: String
    var source: String

    init(_ standing: TreatyStanding, instrument: Instrument, record: TreatyStatus?) {
        state = standing.state
        self.instrument = instrument.rawValue
        status = standing.status.rawValue
        signature = standing.signature
        consent = standing.consent
        consentKind = standing.consentKind?.rawValue
        partyYear = standing.yearBecameParty
        declarations = record?.declarations ?? ""
        reservations = record?.reservations ?? ""
        source = record?.source ?? ""
    }
}

struct TreatyDTO: Content {
    struct Point: Content { var year: Int; var parties: Int }
    var instrument: String
    var treatyCollectionID: String
    var parties: Int
    var partiesOverTime: [Point]
    var source: String
    var states: [TreatyStatusDTO]
}

struct UserDTO: Content {
    var id: UUID
    var email: String
    var name: String
    var role: String
    var state: String?
    var organisation: String?
    var disabled: Bool

    init(_ u: User) {
        id = u.id ?? UUID(); email = u.email; name = u.name; role = u.role.rawValue
        state = u.state; organisation = u.organisation; disabled = u.isDisabled
    }
}

struct CreatedUserDTO: Content {
    var user: UserDTO
    var oneTimePassword: String?
}

struct TokenDTO: Content {
    var id: UUID
    var name: String
    var role: String
    var state: String?
    var createdAt: Date?
    var revoked: Bool
    /// Present only in the answer that creates the token.
    var token: String?

    init(_ t: APIToken, secret: String? = nil) {
        id = t.id ?? UUID(); name = t.name; role = t.role.rawValue; state = t.state
        createdAt = t.createdAt; revoked = t.revokedAt != nil; token = secret
    }
}

struct AuditEntryDTO: Content {
    var sequence: Int
    var at: Date
    var actor: String
    var role: String
    var state: String
    var action: String
    var entity: String
    var entityID: String
    var old: String
    var new: String
    var reason: String
    var hash: String

    init(_ e: AuditEntry) {
        let r = e.record
        sequence = r.sequence; at = r.at; actor = r.actor; role = r.role; state = r.state; action = r.action
        entity = r.entity; entityID = r.entityID; old = r.old; new = r.new; reason = r.reason; hash = r.hash
    }
}

struct AuditVerdictDTO: Content {
    var intact: Bool
    var entries: Int?
    var brokenAt: Int?
    var reason: String?
}

struct MeDTO: Content {
    var signedIn: Bool
    var user: UserDTO?
    var role: String?
    var state: String?
    var credential: String
}
