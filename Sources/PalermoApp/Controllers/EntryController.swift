import Fluent
import PalermoCore
import Vapor

/// `GET|POST /states/:iso3/years/:year/entry`: the web form for a year's figures.
enum EntryController {
    static func form(_ req: Request) async throws -> Response {
        let (state, year, status) = try await authorized(req)
        return req.page(EntryPage.view(try await model(state, year, status, req), context: req.context))
    }

    /// `GET /states/:iso3/entry?year=` from the workspace's year box.
    static func chooseYear(_ req: Request) async throws -> Response {
        let state = try await req.stateParameter()
        guard let year = req.query[Int.self, at: "year"] else { throw InvalidInput([.init("year", "give a year such as 2023")]) }
        return req.redirect(.entry(state.iso3, year))
    }

    static func save(_ req: Request) async throws -> Response {
        let (state, year, status) = try await authorized(req)
        let form = try req.content.decode([String: String].self)
        let outcome = try await DataEntry.save(form: form, state: state.iso3, year: year, on: req)
        var model = try await model(state, year, status, req)
        if !outcome.problems.isEmpty {
            // Show what the person typed, with the problems, so nothing is lost.
            for (name, value) in form where name.hasPrefix("v|") { model.values[name] = value }
            model.citizenship = (0..<200).compactMap { index in
                form["c|\(index)|text"].map { ($0, form["c|\(index)|value"] ?? "") }
            }.filter { !$0.0.isEmpty || !$0.1.isEmpty }
            model.problems = outcome.problems
            var page = EntryPage.view(model, context: req.context)
            page.status = .badRequest
            return req.page(page)
        }
        model.saved = outcome
        model.warnings = outcome.warnings
        return req.page(EntryPage.view(model, context: req.context))
    }

    /// Officials of the State (and the Secretariat) only, and not while the year is locked.
    private static func authorized(_ req: Request) async throws -> (StateRecord, Int, SubmissionStatus) {
        let state = try await req.stateParameter()
        let raw = req.parameters.get("year") ?? ""
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        guard let year = Int(raw), (1990...thisYear).contains(year) else {
            throw Abort(.notFound, reason: "\(raw.prefix(12)) is not a year from 1990 to \(thisYear)")
        }
        try await req.authorize(StatePolicy.writeStateData(req.principal, state: state.iso3), action: "data.entry",
                                entity: "submission", entityID: "\(state.iso3):\(year)", isWrite: req.method == .POST)
        let status = try await Submissions.years(of: state.iso3, on: req.db).first { $0.year == year }?.status ?? .draft
        if status.isLocked && !req.principal.isAdministrator {
            throw Abort(.conflict, reason: "\(state.iso3)'s figures for \(year) are \(status.rawValue): reopen them before changing them")
        }
        return (state, year, status)
    }

    private static func model(_ state: StateRecord, _ year: Int, _ status: SubmissionStatus, _ req: Request) async throws -> EntryPage.Model {
        let current = try await DataEntry.current(state: state.iso3, year: year, on: req.db)
        var values: [String: String] = [:]
        var citizenship: [(text: String, value: String)] = []
        for observation in current.values {
            if observation.breakdown == Breakdown.citizenship.rawValue, observation.indicator == Indicator.detectedVictims.rawValue,
               observation.sex == "_T", observation.age == "_T" {
                citizenship.append((observation.category, observation.value.description))
            } else if let cell = DataEntry.Cell(observation) {
                values[cell.field] = observation.value.description
            }
        }
        let names = try await StateRecord.query(on: req.db).all().map { $0.name(in: req.context.language) }.sorted()
        return EntryPage.Model(state: state, year: year, values: values, citizenship: citizenship.sorted { $0.text < $1.text },
                               status: status, countryNames: names)
    }
}
