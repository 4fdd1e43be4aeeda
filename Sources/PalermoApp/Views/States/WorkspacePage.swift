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

    static func createdNotice(_ created: Accounts.Created?, t: Localizer) -> Node<HTML.BodyContext> {
        guard let created else { return .empty }
        return .div(.class("notice"), .attribute(named: "role", value: "status"),
                    .p(.text(t("users.created", ["email": created.user.email]))),
                    .if(created.oneTimePassword != nil,
                        .p(.text(t("users.oneTime")), .text(" "), .code(.text(created.oneTimePassword ?? "")))))
    }
}
