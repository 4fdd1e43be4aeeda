import PalermoCore
import Plot

/// What an upload did: counts, censored cells, unmapped categories, and every problem with its
/// row, column and value.
enum ImportReportPage {
    static func view(_ report: ImportReport, state: StateRecord, context: RequestContext) -> Page {
        let t = context.localizer
        let title = t("import.title", ["file": report.fileName])
        return Page(title: title, content: .group(
            .h1(.text(title)),
            .p(.class(report.outcome == "refused" ? "error-summary" : "notice"), .attribute(named: "role", value: "status"),
               .text(t("import.outcome.\(report.outcome)"))),
            .dl(.class("facts"),
                .dt(.text(t("import.rows"))), .dd(.text(t.number(report.rowsRead))),
                .dt(.text(t("import.added"))), .dd(.text(t.number(report.added))),
                .dt(.text(t("import.changed"))), .dd(.text(t.number(report.changed))),
                .dt(.text(t("import.unchanged"))), .dd(.text(t.number(report.unchanged))),
                .dt(.text(t("import.censored"))), .dd(.text(t.number(report.censored))),
                .dt("SHA-256"), .dd(.code(.text(report.sha256)))),
            .if(!report.unmapped.isEmpty, Tables.table(
                caption: t("import.unmapped"), headers: [t("import.text"), t("import.rows")],
                rows: report.unmapped.prefix(200).map { [.text($0.text.isEmpty ? "(empty)" : $0.text), .text(t.number($0.rows))] })),
            .if(report.problemCount > 0, Tables.table(
                caption: t("import.problems", ["count": t.number(report.problemCount)]),
                headers: [t("import.row"), t("import.column"), t("import.value"), t("import.reason")],
                rows: report.problems.map { [.text(String($0.row)), .text($0.column), .code(.text($0.value)), .text($0.reason)] })),
            .p(.a(.href(SiteURL.stateWorkspace(state.iso3).path), .text(t("import.back"))))
        ))
    }

    /// The upload form of a State's workspace; `palermo.js` sends it with a progress bar.
    static func form(state: StateRecord, context: RequestContext) -> Node<HTML.BodyContext> {
        let t = context.localizer
        return .section(
            .attribute(named: "aria-labelledby", value: "figures"),
            .h2(.id("figures"), .text(t("import.section"))),
            .p(.text(t("import.lead"))),
            .p(.a(.href(SiteURL.stateTemplate(state.iso3).path), .text(t("import.template")))),
            .form(.method(.get), .action("/states/\(state.iso3)/entry"), .class("inline"),
                  .label(.for("f-year"), .text(t("entry.newYear"))),
                  .input(.type(.number), .name("year"), .id("f-year"), .required(true), .attribute(named: "min", value: "1990")),
                  .button(.type(.submit), .text(t("entry.open")))),
            .form(.method(.post), .action(SiteURL.stateImports(state.iso3).path), .enctype(.multipartData),
                  .class("upload"), .data(named: "progress", value: "upload-progress"),
                  Layout.csrfField(context),
                  .div(.class("field"),
                       .label(.for("f-file"), .text(t("import.file"))),
                       .input(.type(.file), .name("file"), .id("f-file"), .required(true),
                              .attribute(named: "accept", value: ".xlsx,.csv,text/csv"))),
                  .div(.class("field"),
                       .input(.type(.checkbox), .name("dryRun"), .id("f-dryRun")),
                       .label(.for("f-dryRun"), .text(t("import.dryRun")))),
                  .button(.type(.submit), .text(t("import.submit"))),
                  .element(named: "progress", nodes: [.attribute(named: "id", value: "upload-progress"), .attribute(named: "max", value: "100"),
                                                      .attribute(named: "value", value: "0"), .attribute(named: "hidden", value: "hidden")]))
        )
    }
}
