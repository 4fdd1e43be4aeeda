import Fluent
import PalermoCore
import Vapor

/// The pages everyone may read.
enum PublicController {
    static func home(_ req: Request) async throws -> Response {
        req.page(HomePage.view(try await HomePage.query(on: req.db), context: req.context))
    }

    static func states(_ req: Request) async throws -> Response {
        let regions = Set(ReferenceData.shared.states.map(\.region)).sorted()
        let region = try? req.query.get(String.self, at: "region")
        let chosen = region?.nonEmpty
        if let chosen, !regions.contains(chosen) {
            throw Abort(.notFound, reason: "no region \(chosen.prefix(40)); known: \(regions.joined(separator: ", "))")
        }
        let model = try await StatesPage.query(region: chosen, on: req.db)
        return req.page(StatesPage.view(model, context: req.context, regions: regions))
    }

    static func state(_ req: Request) async throws -> Response {
        let state = try await req.stateParameter()
        return req.page(StatePage.view(try await StatePage.query(state, principal: req.principal, on: req.db), context: req.context))
    }

    static func treaties(_ req: Request) async throws -> Response {
        req.page(TreatiesPage.view(parties: try await HomePage.query(on: req.db).parties, context: req.context))
    }

    static func treaty(_ req: Request) async throws -> Response {
        let instrument = try req.instrumentParameter()
        let model = try await TreatyPage.query(instrument, principal: req.principal, on: req.db)
        return req.page(TreatyPage.view(model, context: req.context))
    }
}

/// The Secretariat's corrections of treaty status.
enum TreatyEditController {
    static func form(_ req: Request) async throws -> Response {
        let instrument = try req.instrumentParameter()
        let state = try await req.stateParameter()
        try await req.authorize(TreatyPolicy.edit(req.principal), action: "treaty.edit", entity: "treaty",
                                entityID: "\(instrument.rawValue):\(state.iso3)", isWrite: false)
        let status = try await TreatyStatus.query(on: req.db).filter(\.$state == state.iso3).filter(\.$instrument == instrument).first()
        let form = TreatyEditPage.Form(signature: status?.signature, consent: status?.consent, consentKind: status?.consentKind?.rawValue,
                                       partyYear: status?.partyYear.map(String.init), declarations: status?.declarations,
                                       reservations: status?.reservations, source: status?.source, reason: nil)
        return req.page(TreatyEditPage.view(instrument: instrument, state: state, form: form, problems: [], context: req.context))
    }

    static func save(_ req: Request) async throws -> Response {
        let instrument = try req.instrumentParameter()
        let state = try await req.stateParameter()
        let form = try req.content.decode(TreatyEditPage.Form.self)
        var problems: [FieldProblem] = []
        let year = form.partyYear?.nonEmpty
        if let year, Int(year) == nil { problems.append(.init("partyYear", "must be a year such as 2004")) }
        let update = TreatyUpdate(signature: form.signature, consent: form.consent, consentKind: form.consentKind,
                                  partyYear: year.flatMap { Int($0) }, declarations: form.declarations,
                                  reservations: form.reservations, source: form.source, reason: form.reason)
        do {
            try InvalidInput.check(problems)
            _ = try await update.apply(instrument: instrument, state: state, on: req)
        } catch let invalid as InvalidInput {
            var page = TreatyEditPage.view(instrument: instrument, state: state, form: form, problems: problems + invalid.problems, context: req.context)
            page.status = .badRequest
            return req.page(page)
        }
        return req.redirect(.treaty(instrument))
    }
}
