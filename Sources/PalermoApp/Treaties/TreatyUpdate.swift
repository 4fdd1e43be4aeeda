import Fluent
import Foundation
import PalermoCore
import Vapor

/// The Secretariat's correction of one State's standing with one instrument: validated in full,
/// written with its audit entry, the same for the web form and the API.
struct TreatyUpdate: Content, Sendable {
    var signature: String?
    var consent: String?
    var consentKind: String?
    var partyYear: Int?
    var declarations: String?
    var reservations: String?
    var source: String?
    var reason: String?

    static let maxText = 10_000

    func validated(today: Date = Date()) throws -> TreatyUpdate {
        var problems: [FieldProblem] = []
        let signature = signature?.nonEmpty, consent = consent?.nonEmpty
        if let signature, let problem = TreatyDate.validate(signature, today: today) { problems.append(.init("signature", problem)) }
        if let consent, let problem = TreatyDate.validate(consent, today: today) { problems.append(.init("consent", problem)) }
        if let signature, let consent, consent < signature, TreatyDate.validate(signature) == nil, TreatyDate.validate(consent) == nil {
            problems.append(.init("consent", "must not be before the signature (\(signature))"))
        }
        let kind = consentKind?.nonEmpty
        if let kind, ConsentKind(rawValue: kind) == nil {
            problems.append(.init("consentKind", "must be one of \(ConsentKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        if consent != nil, kind == nil { problems.append(.init("consentKind", "say how the State consented to be bound")) }
        if consent == nil, kind != nil { problems.append(.init("consent", "give the date of the \(kind!)")) }
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: today)
        if let year = partyYear, !(2000...thisYear).contains(year) {
            problems.append(.init("partyYear", "must be a year from 2000 to \(thisYear)"))
        }
        for (field, value) in [("declarations", declarations), ("reservations", reservations), ("source", source), ("reason", reason)] {
            if (value ?? "").count > Self.maxText { problems.append(.init(field, "must be at most \(Self.maxText) characters")) }
        }
        if source?.nonEmpty == nil { problems.append(.init("source", "say where this information comes from")) }
        if reason?.nonEmpty == nil { problems.append(.init("reason", "say why the record changes: the audit log keeps it")) }
        try InvalidInput.check(problems)
        return TreatyUpdate(signature: signature, consent: consent, consentKind: kind, partyYear: partyYear,
                            declarations: declarations?.nonEmpty ?? "", reservations: reservations?.nonEmpty ?? "",
                            source: source?.nonEmpty, reason: reason?.nonEmpty)
    }

    /// Writes the validated update; policy first, so a refused attempt is audited as such.
    func apply(instrument: Instrument, state: StateRecord, on req: Request) async throws -> TreatyStatus {
        try await req.authorize(TreatyPolicy.edit(req.principal), action: "treaty.edit", entity: "treaty",
                                entityID: "\(instrument.rawValue):\(state.iso3)", isWrite: true)
        let update = try validated()
        let existing = try await TreatyStatus.query(on: req.db).filter(\.$state == state.iso3)
            .filter(\.$instrument == instrument).first()
        let status = existing ?? TreatyStatus(state: state.iso3, instrument: instrument, source: "")
        let before = existing?.auditSummary ?? [:]
        status.signature = update.signature
        status.consent = update.consent
        status.consentKind = update.consentKind.flatMap(ConsentKind.init(rawValue:))
        status.partyYear = update.partyYear
        status.declarations = update.declarations ?? ""
        status.reservations = update.reservations ?? ""
        status.source = update.source ?? ""
        let reason = update.reason ?? ""
        try await req.application.store.write(on: req.db, by: req.context.auditActor) { tx, audit in
            try await status.save(on: tx)
            audit.recordUpdate(action: "treaty.edit", entity: "treaty", entityID: "\(instrument.rawValue):\(state.iso3)",
                               old: before, new: status.auditSummary, reason: reason)
        }
        return status
    }
}
