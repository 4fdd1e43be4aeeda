import PalermoCore
import Plot

/// The four instruments with their number of Parties, each leading to its own page.
enum TreatiesPage {
    static func view(parties: [Instrument: Int], context: RequestContext) -> Page {
        let t = context.localizer
        return Page(title: t("treaties.title"), content: .group(
            .h1(.text(t("treaties.title"))),
            .p(.class("lead"), .text(t("treaties.lead"))),
            Tables.table(caption: t("treaties.caption"), headers: [t("treaty.instrument"), "UN Treaty Collection", t("treaty.parties")],
                         rows: Instrument.allCases.map { instrument in [
                             .a(.href(SiteURL.treaty(instrument).path), .text(t(instrument.titleKey))),
                             .text(instrument.treatyCollectionID),
                             .text(t.number(parties[instrument] ?? 0)),
                         ] }),
            .p(.class("source"), .text(t("treaty.sourceNote")))
        ))
    }
}

/// The Secretariat's form for one State's standing with one instrument.
enum TreatyEditPage {
    struct Form: Codable, Sendable {
        var signature: String?
        var consent: String?
        var consentKind: String?
        var partyYear: String?
        var declarations: String?
        var reservations: String?
        var source: String?
        var reason: String?
    }

    static func view(instrument: Instrument, state: StateRecord, form: Form, problems: [FieldProblem], context: RequestContext) -> Page {
        let t = context.localizer
        let name = state.name(in: context.language)
        let title = t("treatyEdit.title", ["instrument": t(instrument.shortKey), "name": name])
        return Page(title: title, content: .group(
            .h1(.text(title)),
            Forms.summary(problems, t: t),
            .form(.method(.post), .action(SiteURL.treatyEdit(instrument, state.iso3).path),
                  Layout.csrfField(context),
                  Forms.field("signature", label: t("treaty.signature"), type: .text, value: form.signature ?? "", hint: "yyyy-MM-dd", problems: problems),
                  Forms.field("consent", label: t("treaty.consent"), type: .text, value: form.consent ?? "", hint: "yyyy-MM-dd", problems: problems),
                  Forms.select("consentKind", label: t("treaty.kind"),
                               options: [("", "–")] + ConsentKind.allCases.map { ($0.rawValue, t("consent.\($0.rawValue)")) },
                               selected: form.consentKind ?? "", problems: problems),
                  Forms.field("partyYear", label: t("treatyEdit.partyYear"), type: .text, value: form.partyYear ?? "", hint: t("treatyEdit.partyYearHint"), problems: problems),
                  Forms.textArea("declarations", label: t("treaty.declarations"), value: form.declarations ?? "", problems: problems),
                  Forms.textArea("reservations", label: t("treatyEdit.reservations"), value: form.reservations ?? "", problems: problems),
                  Forms.field("source", label: t("treaty.source"), value: form.source ?? "", required: true, problems: problems),
                  Forms.field("reason", label: t("form.reason"), value: form.reason ?? "", required: true, hint: t("form.reasonHint"), problems: problems),
                  .button(.type(.submit), .text(t("form.save"))))
        ))
    }
}
