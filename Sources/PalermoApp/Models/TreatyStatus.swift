import Fluent
import Foundation
import PalermoCore

/// One State's standing with one instrument, as the Secretariat keeps it.
final class TreatyStatus: Model, @unchecked Sendable {
    static let schema = "treaty_status"

    @ID(key: .id) var id: UUID?
    @Field(key: "state_iso3") var state: String
    @Enum(key: "instrument") var instrument: Instrument
    @OptionalField(key: "signature_date") var signature: String?
    @OptionalField(key: "consent_date") var consent: String?
    @OptionalEnum(key: "consent_kind") var consentKind: ConsentKind?
    /// The year of becoming a Party when no date is known (the research panel's coding).
    @OptionalField(key: "party_year") var partyYear: Int?
    @Field(key: "declarations") var declarations: String
    @Field(key: "reservations") var reservations: String
    /// Where the figures come from: the research panel until the Secretariat corrects them.
    @Field(key: "source") var source: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(state: String, instrument: Instrument, source: String) {
        self.state = state
        self.instrument = instrument
        self.declarations = ""
        self.reservations = ""
        self.source = source
    }

    var standing: TreatyStanding {
        TreatyStanding(state: state, signature: signature, consent: consent, consentKind: consentKind, partyYear: partyYear)
    }

    var auditSummary: [String: String] {
        ["signature": signature ?? "", "consent": consent ?? "", "consentKind": consentKind?.rawValue ?? "",
         "partyYear": partyYear.map(String.init) ?? "", "declarations": declarations,
         "reservations": reservations, "source": source]
    }
}
