import Fluent
import Foundation
import PalermoCore
import SQLKit
import Vapor

/// The workflow over one State's figures for one year.
enum Submissions {
    struct Year: Content, Sendable {
        var year: Int
        var observations: Int
        var status: SubmissionStatus
    }

    /// The years a State has figures for, with their status (the most advanced of its rows:
    /// they move together, so they agree).
    static func years(of state: String, on db: Database) async throws -> [Year] {
        struct Row: Decodable { var year: Int; var submission: String; var n: Int }
        let rows = try await (db as! any SQLDatabase).select()
            .column("year").column("submission").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Observation.schema).where("state_iso3", .equal, state)
            .groupBy("year").groupBy("submission").all(decoding: Row.self)
        var byYear: [Int: Year] = [:]
        for row in rows {
            let status = SubmissionStatus(rawValue: row.submission) ?? .draft
            var year = byYear[row.year] ?? Year(year: row.year, observations: 0, status: status)
            year.observations += row.n
            year.status = max(year.status, status)
            byYear[row.year] = year
        }
        return byYear.values.sorted { $0.year > $1.year }
    }

    struct Change: Content, Sendable {
        var reason: String?
    }

    static func apply(_ action: SubmissionAction, state: String, year: Int, reason: String?, on req: Request) async throws -> Year {
        guard let current = try await years(of: state, on: req.db).first(where: { $0.year == year }) else {
            throw Abort(.notFound, reason: "\(state) has no figures for \(year)")
        }
        try await req.authorize(SubmissionPolicy.decide(action, by: req.principal, state: state, current: current.status),
                                action: "submission.\(action.rawValue)", entity: "submission", entityID: "\(state):\(year)", isWrite: true)
        let reason = reason?.nonEmpty
        if action == .reopen, reason == nil { throw InvalidInput([.init("reason", "say why the figures are reopened: the audit log keeps it")]) }
        let next = action.result
        try await req.application.store.write(on: req.db, by: req.context.auditActor) { tx, audit in
            try await (tx as! any SQLDatabase).update(Observation.schema).set("submission", to: next.rawValue)
                .where("state_iso3", .equal, state).where("year", .equal, year).run()
            audit.record(action: "submission.\(action.rawValue)", entity: "submission", entityID: "\(state):\(year)",
                         old: ["status": current.status.rawValue], new: ["status": next.rawValue], reason: reason ?? "")
        }
        return Year(year: year, observations: current.observations, status: next)
    }
}
