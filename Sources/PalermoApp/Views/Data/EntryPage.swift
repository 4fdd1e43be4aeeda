import Foundation
import PalermoCore
import Plot

/// The form for one State's figures of one year.
enum EntryPage {
    struct Model {
        var state: StateRecord
        var year: Int
        /// What each field shows: the posted text after a refused save, else the stored figure.
        var values: [String: String]
        var citizenship: [(text: String, value: String)]
        var problems: [FieldProblem] = []
        var warnings: [String] = []
        var saved: DataEntry.Outcome?
        var status: SubmissionStatus
        /// Country names offered while typing a citizenship ("added by search").
        var countryNames: [String] = []
    }

    static func view(_ model: Model, context: RequestContext) -> Page {
        let t = context.localizer
        let name = model.state.name(in: context.language)
        let title = t("entry.title", ["name": name, "year": String(model.year)])
        return Page(title: title, content: .group(
            .h1(.text(title)),
            .p(.text(t("entry.lead"))),
            .if(model.saved != nil, .p(.class("notice"), .attribute(named: "role", value: "status"),
                                        .text(t("entry.saved", ["added": String(model.saved?.added ?? 0), "changed": String(model.saved?.changed ?? 0),
                                                                "removed": String(model.saved?.removed ?? 0)])))),
            .if(!model.warnings.isEmpty, .div(.class("notice"), .h2(.text(t("entry.warnings"))), .ul(.forEach(model.warnings) { .li(.text($0)) }))),
            Forms.summary(model.problems, t: t),
            // Filled by palermo.js as the figures are typed.
            .ul(.id("rule-check"), .class("rule-check"), .attribute(named: "aria-live", value: "polite")),
            .form(.method(.post), .action(SiteURL.entry(model.state.iso3, model.year).path), .class("entry"),
                  Layout.csrfField(context),
                  .forEach(Indicator.allCases) { indicator in grid(indicator, model: model, t: t) },
                  citizenship(model, t: t),
                  .button(.type(.submit), .text(t("form.save")))),
            .p(.a(.href(SiteURL.stateWorkspace(model.state.iso3).path), .text(t("import.back"))))
        ))
    }

    private static func input(_ name: String, label: String, model: Model) -> Node<HTML.FormContext> {
        let invalid = model.problems.contains { $0.field == name }
        return .input(.type(.text), .name(name), .id(name), .value(model.values[name] ?? ""),
                      .attribute(named: "size", value: "7"), .attribute(named: "aria-label", value: label),
                      .attribute(named: "aria-invalid", value: invalid ? "true" : nil),
                      .attribute(named: "autocomplete", value: "off"))
    }

    private static func grid(_ indicator: Indicator, model: Model, t: Localizer) -> Node<HTML.FormContext> {
        let caption = t("indicator.\(indicator.rawValue)")
        return .element(named: "fieldset", nodes: [
            .element(named: "legend", nodes: [.text(caption)]),
            .table(
                .caption(.text(t("entry.bySexAge"))),
                .thead(.tr(.th(.text("")), .forEach(DataEntry.ages) { .th(.attribute(named: "scope", value: "col"), .text(t("age.\($0.rawValue)"))) })),
                .tbody(.forEach(DataEntry.sexes) { sex in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(t("sex.\(sex.rawValue)"))),
                        .forEach(DataEntry.ages) { age in
                            let cell = DataEntry.Cell(indicator, .total, "_T", sex, age)
                            return .td(.element(named: "span", nodes: [.raw(input(cell.field, label: "\(caption): \(t("sex.\(sex.rawValue)")), \(t("age.\(age.rawValue)"))", model: model).render())]))
                        })
                })
            ),
            .if(DataEntry.byForm.contains(indicator), .div(.class("forms"),
                .forEach(Exploitation.allCases) { form in
                    let cell = DataEntry.Cell(indicator, .exploitation, form.rawValue, .total, .total)
                    return .div(.class("field"), .label(.for(cell.field), .text(t("form.\(form.rawValue)"))),
                                input(cell.field, label: "\(caption): \(t("form.\(form.rawValue)"))", model: model))
                })),
        ])
    }

    private static func citizenship(_ model: Model, t: Localizer) -> Node<HTML.FormContext> {
        let rows = model.citizenship + Array(repeating: (text: "", value: ""), count: DataEntry.blankCitizenshipRows)
        return .element(named: "fieldset", nodes: [
            .element(named: "legend", nodes: [.text(t("entry.citizenship"))]),
            .element(named: "datalist", nodes: [.attribute(named: "id", value: "states")]
                     + model.countryNames.map { .element(named: "option", nodes: [.attribute(named: "value", value: $0)]) }),
            .p(.class("hint"), .text(t("entry.citizenshipHint"))),
            .forEach(Array(rows.enumerated())) { index, row in
                .div(.class("citizenship"),
                     .input(.type(.text), .name("c|\(index)|text"), .value(row.text), .attribute(named: "list", value: "states"),
                            .attribute(named: "aria-label", value: "\(t("entry.country")) \(index + 1)")),
                     .input(.type(.text), .name("c|\(index)|value"), .value(row.value), .attribute(named: "size", value: "7"),
                            .attribute(named: "aria-label", value: "\(t("entry.victims")) \(index + 1)")))
            },
        ])
    }
}
