import Fluent
import PalermoCore
import Vapor

/// Clearing, accepting and reopening a State's figures for a year, on the web and the API.
enum SubmissionController {
    static func web(_ req: Request) async throws -> Response {
        let (state, year, action) = try await parameters(req)
        let change = try req.content.decode(Submissions.Change.self)
        do {
            _ = try await Submissions.apply(action, state: state.iso3, year: year, reason: change.reason, on: req)
        } catch let invalid as InvalidInput {
            var model = try await WorkspaceController.model(state, req)
            model.problems = invalid.problems
            var page = WorkspacePage.view(model, context: req.context)
            page.status = .badRequest
            return req.page(page)
        }
        return req.redirect(.stateWorkspace(state.iso3))
    }

    static func api(_ req: Request) async throws -> Submissions.Year {
        let (state, year, action) = try await parameters(req)
        let change = (try? req.content.decode(Submissions.Change.self)) ?? .init()
        return try await Submissions.apply(action, state: state.iso3, year: year, reason: change.reason, on: req)
    }

    static func years(_ req: Request) async throws -> [Submissions.Year] {
        let state = try await req.stateParameter()
        try await req.authorize(StatePolicy.readWorkspace(req.principal, state: state.iso3), action: "submission.read",
                                entity: "state", entityID: state.iso3, isWrite: false)
        return try await Submissions.years(of: state.iso3, on: req.db)
    }

    private static func parameters(_ req: Request) async throws -> (StateRecord, Int, SubmissionAction) {
        let state = try await req.stateParameter()
        let rawYear = req.parameters.get("year") ?? ""
        guard let year = Int(rawYear) else { throw Abort(.notFound, reason: "\(rawYear.prefix(12)) is not a year") }
        let rawAction = req.parameters.get("action") ?? ""
        guard let action = SubmissionAction(rawValue: rawAction) else {
            throw Abort(.notFound, reason: "no action \(rawAction.prefix(12)); known: clear, accept, reopen")
        }
        return (state, year, action)
    }
}
