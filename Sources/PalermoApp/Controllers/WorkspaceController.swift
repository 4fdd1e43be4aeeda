import Fluent
import PalermoCore
import Vapor

/// A State's workspace: its officials, and the focal point naming experts and observers.
enum WorkspaceController {
    static func show(_ req: Request) async throws -> Response {
        let state = try await req.stateParameter()
        return req.page(WorkspacePage.view(try await model(state, req), context: req.context))
    }

    static func addOfficial(_ req: Request) async throws -> Response {
        let state = try await req.stateParameter()
        var input = try req.content.decode(Accounts.NewAccount.self)
        input.state = state.iso3
        input.password = nil
        try await req.authorize(UserPolicy.manage(req.principal, role: Role(rawValue: input.role ?? "") ?? .nationalExpert, state: state.iso3),
                                action: "user.create", entity: "state", entityID: state.iso3, isWrite: true)
        var model = try await model(state, req)
        do {
            model.created = try await Accounts.create(input, by: req.principal, actor: req.context.auditActor, on: req.db, app: req.application)
            model.officials = try await officials(of: state, on: req.db)
        } catch let invalid as InvalidInput {
            model.form = input
            model.problems = invalid.problems
            var page = WorkspacePage.view(model, context: req.context)
            page.status = .badRequest
            return req.page(page)
        }
        return req.page(WorkspacePage.view(model, context: req.context))
    }

    static func model(_ state: StateRecord, _ req: Request) async throws -> WorkspacePage.Model {
        try await req.authorize(StatePolicy.readWorkspace(req.principal, state: state.iso3), action: "workspace.read",
                                entity: "state", entityID: state.iso3, isWrite: false)
        return WorkspacePage.Model(state: state, officials: try await officials(of: state, on: req.db),
                                   mayManage: UserPolicy.manage(req.principal, role: .nationalExpert, state: state.iso3).isAllowed,
                                   mayImport: DataPolicy.importFile(req.principal, state: state.iso3).isAllowed,
                                   years: try await Submissions.years(of: state.iso3, on: req.db))
    }

    private static func officials(of state: StateRecord, on db: Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$state == state.iso3).sort(\.$name).all()
    }
}
