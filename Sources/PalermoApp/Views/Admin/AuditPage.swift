import Fluent
import Foundation
import PalermoCore
import Plot

/// The audit log for the Secretariat: filtered, newest first, a page at a time, with the state
/// of the hash chain.
enum AuditPage {
    struct Filter: Codable, Sendable {
        var actor: String?
        var action: String?
        var entity: String?
        var state: String?
        /// Show entries older than this sequence number (keyset pagination).
        var before: Int?
        var limit: Int?
    }

    static let pageSize = 50

    static func query(_ filter: Filter, on db: Database) async throws -> [AuditEntry] {
        var query = AuditEntry.query(on: db)
        if let actor = filter.actor?.nonEmpty { query = query.filter(\.$actor == actor) }
        if let action = filter.action?.nonEmpty { query = query.filter(\.$action == action) }
        if let entity = filter.entity?.nonEmpty { query = query.filter(\.$entity == entity) }
        if let state = filter.state?.nonEmpty { query = query.filter(\.$state == state.uppercased()) }
        if let before = filter.before { query = query.filter(\.$id < before) }
        let limit = min(max(filter.limit ?? pageSize, 1), 500)
        return try await query.sort(\.$id, .descending).limit(limit).all()
    }

    static func view(entries: [AuditEntry], filter: Filter, verdict: AuditChain.Verdict, context: RequestContext) -> Page {
        let t = context.localizer
        let verdictText: String
        switch verdict {
        case .intact(let count): verdictText = t("audit.intact", ["count": t.number(count)])
        case .broken(let sequence, let reason): verdictText = t("audit.broken", ["sequence": String(sequence), "reason": reason])
        }
        var next = filter
        next.before = entries.last?.id
        return Page(title: t("audit.title"), content: .group(
            .h1(.text(t("audit.title"))),
            .p(.class(verdictText.isEmpty ? "" : "notice"), .attribute(named: "role", value: "status"), .text(verdictText)),
            .form(.method(.get), .action(SiteURL.audit.path), .class("filters"),
                  Forms.field("actor", label: t("audit.actor"), value: filter.actor ?? ""),
                  Forms.field("action", label: t("audit.action"), value: filter.action ?? ""),
                  Forms.field("entity", label: t("audit.entity"), value: filter.entity ?? ""),
                  Forms.field("state", label: t("account.state"), value: filter.state ?? ""),
                  .button(.type(.submit), .text(t("form.filter")))),
            Tables.table(caption: t("audit.caption"),
                         headers: ["#", t("audit.when"), t("audit.actor"), t("account.role"), t("account.state"), t("audit.action"),
                                   t("audit.entity"), t("audit.old"), t("audit.new"), t("form.reason")],
                         rows: entries.map { entry in [
                             .text(String(entry.id ?? 0)),
                             .element(named: "time", nodes: [.text(t.dateTime(entry.record.at))]),
                             .text(entry.actor), .text(entry.role), .text(entry.state), .text(entry.action),
                             .text("\(entry.entity) \(entry.entityID)"),
                             .code(.text(entry.old)), .code(.text(entry.new)), .text(entry.reason),
                         ] }),
            .if(entries.count == (filter.limit ?? pageSize) && next.before != nil,
                .p(.a(.href(SiteURL.audit.path + "?" + queryString(next)), .text(t("audit.older")))))
        ))
    }

    static func queryString(_ filter: Filter) -> String {
        var items: [URLQueryItem] = []
        for (name, value) in [("actor", filter.actor), ("action", filter.action), ("entity", filter.entity), ("state", filter.state)] {
            if let value = value?.nonEmpty { items.append(URLQueryItem(name: name, value: value)) }
        }
        if let before = filter.before { items.append(URLQueryItem(name: "before", value: String(before))) }
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery ?? ""
    }
}

extension String {
    /// The trimmed text, or nil when nothing is left: how optional form fields read.
    var nonEmpty: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
