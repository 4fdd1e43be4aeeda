import Fluent
import PalermoCore
import Plot

/// Every State and territory, by region and subregion as GLOTIP groups them.
enum StatesPage {
    struct Model {
        var states: [StateRecord]
        var region: String?
    }

    static func query(region: String?, on db: Database) async throws -> Model {
        var query = StateRecord.query(on: db)
        if let region { query = query.filter(\.$region == region) }
        return Model(states: try await query.sort(\.$region).sort(\.$subregion).sort(\.$id).all(), region: region)
    }

    static func view(_ model: Model, context: RequestContext, regions: [String]) -> Page {
        let t = context.localizer
        let language = context.language
        let bySubregion = Dictionary(grouping: model.states) { "\($0.region)|\($0.subregion)" }
        return Page(title: t("states.title"), content: .group(
            .h1(.text(t("states.title"))),
            .p(.text(t("states.lead", ["count": t.number(model.states.count)]))),
            .form(.method(.get), .action(SiteURL.states.path), .class("filters"),
                  Forms.select("region", label: t("states.region"),
                               options: [("", t("states.allRegions"))] + regions.map { ($0, t("region.\($0)")) },
                               selected: model.region ?? ""),
                  .button(.type(.submit), .text(t("form.filter")))),
            .forEach(bySubregion.keys.sorted()) { key in
                let parts = key.split(separator: "|").map(String.init)
                let states = bySubregion[key]!.sorted { $0.name(in: language) < $1.name(in: language) }
                return Tables.table(
                    caption: "\(t("region.\(parts[0])")) — \(t("subregion.\(parts[1])"))",
                    headers: [t("states.name"), "ISO 3166", "M49", t("states.unStatus"), t("states.population")],
                    rows: states.map { state in [
                        .a(.href(SiteURL.state(state.iso3).path), .text(state.name(in: language))),
                        .text("\(state.iso3) · \(state.iso2)"),
                        .text(state.m49),
                        .text(t("unStatus.\(state.unStatus)")),
                        .text(state.population.map { t.number($0) } ?? "–"),
                    ] })
            }
        ))
    }
}
