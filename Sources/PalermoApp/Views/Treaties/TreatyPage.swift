import Fluent
import Foundation
import PalermoCore
import Plot

/// Who is Party to one instrument: the number of Parties over time as a chart, a world map of
/// status and the full table, with the source of every figure named.
enum TreatyPage {
    struct Row {
        var state: StateRecord
        var status: TreatyStatus?
        var standing: TreatyStanding { status?.standing ?? TreatyStanding(state: state.iso3) }
    }

    struct Model {
        var instrument: Instrument
        var rows: [Row]
        var cumulative: [(year: Int, parties: Int)]
        var mayEdit: Bool
    }

    static func query(_ instrument: Instrument, principal: Principal, on db: Database) async throws -> Model {
        let states = try await StateRecord.query(on: db).sort(\.$id).all()
        let statuses = try await TreatyStatus.query(on: db).filter(\.$instrument == instrument).all()
        let byState = Dictionary(statuses.map { ($0.state, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = states.map { Row(state: $0, status: byState[$0.iso3]) }
        // The series ends with the last year anyone is recorded joining: drawing it flat to
        // today would claim that no State joined since, which the starting data cannot say.
        let lastYear = rows.compactMap(\.standing.yearBecameParty).max() ?? (instrument.adoptionYear - 1)
        return Model(instrument: instrument, rows: rows,
                     cumulative: PartiesOverTime.cumulative(rows.map(\.standing), from: instrument.adoptionYear, to: lastYear),
                     mayEdit: TreatyPolicy.edit(principal).isAllowed)
    }

    static func statusText(_ standing: TreatyStanding, t: Localizer) -> String {
        switch standing.status {
        case .party: standing.yearBecameParty.map { t("treaty.partySince", ["year": String($0)]) } ?? t("treaty.party")
        case .signatory: t("treaty.signatory")
        case .none: t("treaty.none")
        }
    }

    static func view(_ model: Model, context: RequestContext) -> Page {
        let t = context.localizer
        let language = context.language
        let reference = ReferenceData.shared.treaties
        let parties = model.rows.filter { $0.standing.status == .party }.count
        let title = t(model.instrument.titleKey)
        let chart = YearSeriesChart(
            id: "parties-chart", title: t("treaty.chartTitle", ["instrument": t(model.instrument.shortKey)]),
            description: t("treaty.chartDescription", ["count": String(parties)]),
            points: model.cumulative.map { ($0.year, $0.parties) },
            reference: model.instrument == .tip ? reference.crosscheck.map { ($0.year, $0.treatyCollection2016) } : [],
            emptyText: t("treaty.noParties"))
        let map = WorldMap(
            id: "parties-map", title: t("treaty.mapTitle"), description: t("treaty.mapDescription", ["count": String(parties)]),
            areas: model.rows.map { row in
                WorldMap.Area(iso3: row.state.iso3, name: row.state.name(in: language), cssClass: "status-\(row.standing.status.rawValue)",
                              label: statusText(row.standing, t: t), link: SiteURL.state(row.state.iso3).path)
            })
        return Page(title: title, content: .group(
            .h1(.text(title)),
            .p(.class("lead"), .text(t("treaty.lead", ["count": t.number(parties), "collection": model.instrument.treatyCollectionID]))),
            .section(.class("source"), .attribute(named: "aria-labelledby", value: "source"),
                     .h2(.id("source"), .text(t("treaty.source"))),
                     .p(.text(reference.source)),
                     .ul(.forEach(reference.caveats) { .li(.text($0)) })),
            .h2(.text(t("treaty.overTime"))),
            .figure(.raw(chart.render()),
                    .figcaption(.text(model.instrument == .tip ? t("treaty.chartCaptionTip") : t("treaty.chartCaption")))),
            Tables.table(caption: t("treaty.overTimeTable"), headers: [t("treaty.year"), t("treaty.parties")],
                         rows: model.cumulative.map { [.text(String($0.year)), .text(t.number($0.parties))] }),
            .h2(.text(t("treaty.map"))),
            .figure(.raw(map.render()),
                    .figcaption(.ul(.class("legend"), .forEach(TreatyStanding.Status.allCases) { status in
                        .li(.span(.class("swatch status-\(status.rawValue)")), .text(" " + t("treaty.legend.\(status.rawValue)")))
                    }))),
            .h2(.text(t("treaty.table"))),
            Tables.table(caption: t("treaty.tableCaption", ["instrument": t(model.instrument.shortKey)]),
                         headers: [t("states.name"), t("treaty.status"), t("treaty.signature"), t("treaty.consent"), t("treaty.kind"), t("treaty.declarations")]
                            + (model.mayEdit ? [t("treaty.edit")] : []),
                         rows: model.rows.sorted { $0.state.name(in: language) < $1.state.name(in: language) }.map { row in
                             let standing = row.standing
                             var cells: [Node<HTML.BodyContext>] = [
                                 .a(.href(SiteURL.state(row.state.iso3).path), .text(row.state.name(in: language))),
                                 .text(statusText(standing, t: t)),
                                 .text(standing.signature ?? "–"),
                                 .text(standing.consent ?? "–"),
                                 .text(standing.consentKind.map { t("consent.\($0.rawValue)") } ?? "–"),
                                 .text([row.status?.declarations, row.status?.reservations].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")),
                             ]
                             if model.mayEdit {
                                 cells.append(.a(.href(SiteURL.treatyEdit(model.instrument, row.state.iso3).path),
                                                 .text(t("treaty.edit")), .attribute(named: "aria-label", value: "\(t("treaty.edit")) \(row.state.name(in: language))")))
                             }
                             return cells
                         })
        ))
    }
}
