import Fluent
import Foundation
import PalermoCore
import SQLKit
import Vapor

/// The Secretariat's side of the category aliases: which citizenship and repatriation texts map
/// to nothing, and mapping one, which re-reads every figure stated with that text.
enum CategoryMapping {
    struct Usage: Content, Sendable {
        var text: String
        var kind: String
        var iso3: String?
        var rows: Int
    }

    struct Mapping: Content, Sendable {
        var text: String?
        var kind: String?
        var iso3: String?
        var reason: String?
    }

    /// Texts in use, with how many figures state each; `kind` filters (e.g. unmapped).
    static func usage(kind: String?, on db: Database) async throws -> [Usage] {
        struct Row: Decodable { var category: String; var category_kind: String?; var category_iso3: String?; var n: Int }
        var query = (db as! any SQLDatabase).select()
            .column("category").column("category_kind").column("category_iso3")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Observation.schema)
            .where("breakdown", .in, [Breakdown.citizenship.rawValue, Breakdown.repatriation.rawValue])
        if let kind { query = query.where("category_kind", .equal, kind) }
        let rows = try await query.groupBy("category").groupBy("category_kind").groupBy("category_iso3").all(decoding: Row.self)
        return rows.map { Usage(text: $0.category, kind: $0.category_kind ?? CategoryKind.unmapped.rawValue, iso3: $0.category_iso3, rows: $0.n) }
            .sorted { ($0.rows, $1.text) > ($1.rows, $0.text) }
    }

    static func map(_ input: Mapping, on req: Request) async throws -> Usage {
        try await req.authorize(AuditPolicy.read(req.principal).isAllowed ? .allow : .deny("only the Secretariat maps categories"),
                                action: "category.map", entity: "category", entityID: input.text ?? "", isWrite: true)
        var problems: [FieldProblem] = []
        let text = input.text ?? ""
        if text.count > 500 { problems.append(.init("text", "must be at most 500 characters")) }
        let kind = CategoryKind(rawValue: input.kind ?? "")
        if kind == nil { problems.append(.init("kind", "must be one of \(CategoryKind.allCases.map(\.rawValue).joined(separator: ", "))")) }
        let iso3 = input.iso3?.nonEmpty?.uppercased()
        if kind == .country {
            if let iso3 { if try await StateRecord.find(iso3, on: req.db) == nil { problems.append(.init("iso3", "\(iso3) is not a known State code")) } }
            else { problems.append(.init("iso3", "a country needs its ISO 3166 alpha-3 code")) }
        } else if iso3 != nil, kind != nil {
            problems.append(.init("iso3", "only a country has a code"))
        }
        try InvalidInput.check(problems)
        guard let kind else { throw Abort(.internalServerError) }
        let code = kind == .country ? iso3 : nil
        let existing = try await CategoryAlias.find(text, on: req.db)
        let reason = input.reason?.nonEmpty ?? ""
        try await req.application.store.write(on: req.db, by: req.context.auditActor) { tx, audit in
            if let existing {
                existing.kind = kind.rawValue
                existing.iso3 = code
                try await existing.update(on: tx)
            } else {
                try await CategoryAlias(text: text, kind: kind, iso3: code).create(on: tx)
            }
            try await (tx as! any SQLDatabase).update(Observation.schema)
                .set("category_kind", to: kind.rawValue).set("category_iso3", to: code)
                .where("category", .equal, text)
                .where("breakdown", .in, [Breakdown.citizenship.rawValue, Breakdown.repatriation.rawValue]).run()
            audit.record(action: "category.map", entity: "category", entityID: text,
                         old: ["kind": existing?.kind ?? "", "iso3": existing?.iso3 ?? ""],
                         new: ["kind": kind.rawValue, "iso3": code ?? ""], reason: reason)
        }
        let rows = try await Observation.query(on: req.db).filter(\.$category == text).count()
        return Usage(text: text, kind: kind.rawValue, iso3: code, rows: rows)
    }
}
