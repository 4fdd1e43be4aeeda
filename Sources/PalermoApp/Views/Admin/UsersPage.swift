import Foundation
import PalermoCore
import Plot

/// The Secretariat's list of every account, with creation and disabling.
enum UsersPage {
    struct Model {
        var users: [User]
        var states: [StateRecord]
        var created: Accounts.Created?
        var form = Accounts.NewAccount()
        var problems: [FieldProblem] = []
    }

    static func view(_ model: Model, context: RequestContext) -> Page {
        let t = context.localizer
        let language = context.language
        return Page(title: t("users.title"), content: .group(
            .h1(.text(t("users.title"))),
            WorkspacePage.createdNotice(model.created, t: t),
            .h2(.text(t("users.new"))),
            Forms.summary(model.problems, t: t),
            .form(.method(.post), .action(SiteURL.adminUsers.path), Layout.csrfField(context),
                  Forms.field("name", label: t("account.name"), value: model.form.name ?? "", required: true, problems: model.problems),
                  Forms.field("email", label: t("signIn.email"), type: .email, value: model.form.email ?? "", required: true, problems: model.problems),
                  Forms.select("role", label: t("account.role"), options: Role.allCases.map { ($0.rawValue, t("role.\($0.rawValue)")) },
                               selected: model.form.role ?? Role.focalPoint.rawValue, problems: model.problems),
                  Forms.select("state", label: t("account.state"),
                               options: [("", t("account.noState"))] + model.states.sorted { $0.name(in: language) < $1.name(in: language) }
                                   .map { ($0.iso3, "\($0.name(in: language)) (\($0.iso3))") },
                               selected: model.form.state ?? "", problems: model.problems),
                  Forms.field("organisation", label: t("users.organisation"), value: model.form.organisation ?? "", problems: model.problems),
                  .p(.class("hint"), .text(t("users.passwordHint"))),
                  .button(.type(.submit), .text(t("users.create")))),
            .h2(.text(t("users.all"))),
            Tables.table(caption: t("users.caption", ["count": String(model.users.count)]),
                         headers: [t("account.name"), t("signIn.email"), t("account.role"), t("account.state"), t("users.status"), ""],
                         rows: model.users.map { user in
                             let id = user.id ?? UUID()
                             return [
                                 .text(user.name), .text(user.email), .text(t("role.\(user.role.rawValue)")),
                                 .text(user.state ?? user.organisation ?? "–"),
                                 .text(user.isDisabled ? t("users.disabled") : t("users.active")),
                                 .form(.method(.post),
                                       .action((user.isDisabled ? SiteURL.adminUserEnable(id) : SiteURL.adminUserDisable(id)).path),
                                       Layout.csrfField(context),
                                       .button(.type(.submit), .text(user.isDisabled ? t("users.enable") : t("users.disable")),
                                               .attribute(named: "aria-label", value: "\(user.isDisabled ? t("users.enable") : t("users.disable")) \(user.email)"))),
                             ]
                         })
        ))
    }
}
