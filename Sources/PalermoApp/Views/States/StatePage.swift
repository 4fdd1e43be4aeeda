import Fluent
import PalermoCore
import Plot

/// One State's public page: its codes, region, population, place on the map and treaty status.
enum StatePage {
    struct Model {
        var state: StateRecord
        var treaties: [Instrument: TreatyStatus]
        var mayOpenWorkspace: Bool
    }

    static func query(_ state: StateRecord, principal: Principal, on db: Database) async throws -> Model {
        let statuses = try await TreatyStatus.query(on: db).filter(\.$state == state.iso3).all()
        return Model(state: state,
                     treaties: Dictionary(statuses.map { ($0.instrument, $0) }, uniquingKeysWith: { a, _ in a }),
                     mayOpenWorkspace: StatePolicy.readWorkspace(principal, state: state.iso3).isAllowed)
    }

    static func view(_ model: Model, context: RequestContext) -> Page {
        let t = context.localizer
        let state = model.state
        let name = state.name(in: context.language)
        let map = WorldMap(id: "locator", title: t("state.mapTitle", ["name": name]), description: t("state.mapDescription", ["name": name]),
                           areas: ReferenceData.shared.outlines.paths.keys.sorted().map {
                               WorldMap.Area(iso3: $0, name: $0, cssClass: $0 == state.iso3 ? "highlight" : "land", label: "", link: nil)
                           })
        return Page(title: name, content: .group(
            .h1(.text(name)),
            .if(model.mayOpenWorkspace, .p(.a(.class("button"), .href(SiteURL.stateWorkspace(state.iso3).path), .text(t("state.openWorkspace"))))),
            .div(.class("columns"),
                .dl(.class("facts"),
                    .dt(.text(t("state.codes"))), .dd(.text("ISO \(state.iso3) · \(state.iso2) · M49 \(state.m49)")),
                    .dt(.text(t("states.region"))), .dd(.text("\(t("region.\(state.region)")) — \(t("subregion.\(state.subregion)"))")),
                    .dt(.text(t("states.unStatus"))), .dd(.text(t("unStatus.\(state.unStatus)"))),
                    .dt(.text(t("states.population"))),
                    .dd(.text(state.population.map { t("state.populationValue", ["value": t.number($0), "year": String(state.populationYear ?? 0)]) } ?? t("state.populationUnknown"))),
                    .dt(.text(t("state.names"))),
                    .dd(.ul(.class("names"), .forEach(PalermoCore.Language.allCases) { language in
                        .li(.text("\(language.nativeName): "), .span(.attribute(named: "lang", value: language.rawValue), .text(state.name(in: language))))
                    }))),
                .figure(.class("locator"), .raw(map.render()))),
            .h2(.text(t("state.treaties"))),
            Tables.table(caption: t("state.treatiesCaption", ["name": name]),
                         headers: [t("treaty.instrument"), t("treaty.status"), t("treaty.signature"), t("treaty.consent"), t("treaty.kind")],
                         rows: Instrument.allCases.map { instrument in
                             let status = model.treaties[instrument]
                             let standing = status?.standing ?? TreatyStanding(state: state.iso3)
                             return [
                                 .a(.href(SiteURL.treaty(instrument).path), .text(t(instrument.shortKey))),
                                 .text(TreatyPage.statusText(standing, t: t)),
                                 .text(standing.signature ?? "–"),
                                 .text(standing.consent ?? "–"),
                                 .text(standing.consentKind.map { t("consent.\($0.rawValue)") } ?? "–"),
                             ]
                         }),
            .p(.class("source"), .text(t("treaty.sourceNote"))),
            .h2(.text(t("state.figures"))),
            .p(.text(t("state.figuresLead"))),
            .ul(.forEach([("csv", "CSV (GLOTIP)"), ("sdmx", "SDMX-CSV 2.0"), ("json", "JSON")]) { format, label in
                .li(.a(.href("/api/v1/observations?state=\(state.iso3)&format=\(format)"), .text(label)))
            })
        ))
    }
}
