import PalermoCore
import Plot

/// A State's own space, for its officials and the Secretariat: who works on its reporting, and
/// (for the focal point) naming national experts and observers.
enum WorkspacePage {
    struct Model {
        var state: StateRecord
        var officials: [User]
        var mayManage: Bool
        var mayImport: Bool = false
        var years: [Submissions.Year] = []
        var created: Accounts.Created?
        var form = Accounts.NewAccount()
        var problems: [FieldProblem] = []
    }

    static func view(_ model: Model, context: RequestContext) -> Page {
        let t = context.localizer
        let name = model.state.name(in: context.language)
        let title = t("workspace.title", ["name": name])
        return Page(title: title, content: .group(
            .h1(.text(title)),
            .p(.text(t("workspace.lead"))),
            .if(model.created != nil, createdNotice(model.created, t: t)),
            Tables.table(caption: t("workspace.officials"), headers: [t("account.name"), t("signIn.email"), t("account.role"), t("users.status")],
                         rows: model.officials.map { user in [
                             .text(user.name), .text(user.email), .text(t("role.\(user.role.rawValue)")),
                             .text(user.isDisabled ? t("users.disabled") : t("users.active")),
                         ] }),
            .if(!model.years.isEmpty, yearsTable(model, context: context)),
            .if(model.mayImport, ImportReportPage.form(state: model.state, context: context)),
            .if(model.mayManage, .group(
                .h2(.text(t("workspace.name"))),
                Forms.summary(model.problems, t: t),
                .form(.method(.post), .action(SiteURL.stateWorkspace(model.state.iso3).path), Layout.csrfField(context),
                      Forms.field("name", label: t("account.name"), value: model.form.name ?? "", required: true, problems: model.problems),
                      Forms.field("email", label: t("signIn.email"), type: .email, value: model.form.email ?? "", required: true, problems: model.problems),
                      Forms.select("role", label: t("account.role"),
                                   options: Role.namedByFocalPoint.map { ($0.rawValue, t("role.\($0.rawValue)")) },
                                   selected: model.form.role, problems: model.problems),
                      .button(.type(.submit), .text(t("users.create"))))
            ))
        ))
    }

    /// Each year's figures with their status, and the actions the viewer's role allows.
    static func yearsTable(_ model: Model, context: RequestContext) -> Node<HTML.BodyContext> {
        let t = context.localizer
        let iso3 = model.state.iso3
        return .section(
            .attribute(named: "aria-labelledby", value: "years"),
            .h2(.id("years"), .text(t("submission.title"))),
            .p(.text(t("submission.lead"))),
            Tables.table(caption: t("submission.caption"), headers: [t("treaty.year"), t("submission.observations"), t("treaty.status"), ""],
                         rows: model.years.map { year in
                             let actions = SubmissionAction.allCases.filter {
                                 SubmissionPolicy.decide($0, by: context.principal, state: iso3, current: year.status).isAllowed
                             }
                             return [
                                 year.status.isLocked && !context.principal.isAdministrator ? .text(String(year.year))
                                     : .a(.href(SiteURL.entry(iso3, year.year).path), .text(String(year.year)),
                                          .attribute(named: "aria-label", value: "\(t("entry.edit")) \(year.year)")),
                                 .text(t.number(year.observations)), .text(t("submission.\(year.status.rawValue)")),
                                 .forEach(actions) { action in
                                     .form(.method(.post), .action(SiteURL.submission(iso3, year.year, action).path), .class("inline"),
                                           Layout.csrfField(context),
                                           .if(action == .reopen, .input(.type(.text), .name("reason"), .required(true),
                                                                         .attribute(named: "aria-label", value: t("form.reason")),
                                                                         .placeholder(t("form.reason")))),
                                           .button(.type(.submit), .text(t("submission.action.\(action.rawValue)")),
                                                   .attribute(named: "aria-label", value: "\(t("submission.action.\(action.rawValue)")) \(year.year)")))
                                 },
                             ]
                         }))
    }

    static func createdNotice(_ created: Accounts.Created?, t: Localizer) -> Node<HTML.BodyContext> {
        guard let created else { return .empty }
        return .div(.class("notice"), .attribute(named: "role", value: "status"),
                    .p(.text(t("users.created", ["email": created.user.email]))),
                    .if(created.oneTimePassword != nil,
                        .p(.text(t("users.oneTime")), .text(" "), .code(.text(created.oneTimePassword ?? "")))))
    }
}
