import Foundation
import PalermoCore
import Plot

/// The signed-in person's own page: who they are, where their role leads, and their API tokens.
enum AccountPage {
    struct Model {
        var user: UserSummary
        var tokens: [APIToken]
        /// Shown once, right after a token is made.
        var newToken: String?
        var problems: [FieldProblem] = []
    }

    /// What each role may do, as links: the answer to "where does my role lead me?".
    static func links(for user: UserSummary, t: Localizer) -> Node<HTML.ListContext> {
        var links: [(String, String)] = []
        if let state = user.state {
            links.append((SiteURL.stateWorkspace(state).path, t("account.workspace")))
            links.append((SiteURL.state(state).path, t("account.statePage")))
        }
        if user.role == .administrator {
            links.append((SiteURL.adminUsers.path, t("nav.users")))
            links.append((SiteURL.audit.path, t("nav.audit")))
            links.append((SiteURL.treaties.path, t("account.editTreaties")))
        }
        links.append((SiteURL.states.path, t("nav.states")))
        links.append((SiteURL.account.path, t("nav.account")))
        return .forEach(links) { href, label in .li(.a(.href(href), .text(label))) }
    }

    static func view(_ model: Model, context: RequestContext) -> Page {
        let t = context.localizer
        let user = model.user
        return Page(title: t("account.title"), content: .group(
            .h1(.text(t("account.title"))),
            .if(user.mustChangePassword, .p(.class("notice"), .attribute(named: "role", value: "status"),
                                            .a(.href(SiteURL.password.path), .text(t("account.mustChange"))))),
            .dl(.class("facts"),
                .dt(.text(t("account.name"))), .dd(.text(user.name)),
                .dt(.text(t("signIn.email"))), .dd(.text(user.email)),
                .dt(.text(t("account.role"))), .dd(.text(t("role.\(user.role.rawValue)"))),
                .dt(.text(t("account.state"))), .dd(.text(user.state ?? t("account.noState")))),
            .h2(.text(t("account.canDo"))),
            .p(.text(t("role.\(user.role.rawValue).explains"))),
            .ul(links(for: user, t: t)),
            .p(.a(.href(SiteURL.password.path), .text(t("password.title")))),
            .h2(.id("tokens"), .text(t("tokens.title"))),
            .p(.text(t("tokens.lead"))),
            .if(model.newToken != nil, .div(.class("notice"), .attribute(named: "role", value: "status"),
                                             .p(.text(t("tokens.showOnce"))), .p(.code(.text(model.newToken ?? ""))))),
            Forms.summary(model.problems, t: t),
            Tables.table(caption: t("tokens.caption"), headers: [t("tokens.name"), t("account.role"), t("account.state"), t("tokens.created"), t("tokens.lastUsed"), ""],
                         rows: model.tokens.map { token in [
                             .text(token.name),
                             .text(t("role.\(token.role.rawValue)")),
                             .text(token.state ?? "–"),
                             .text(token.createdAt.map { t.dateTime($0) } ?? "–"),
                             .text(token.lastUsedAt.map { t.dateTime($0) } ?? "–"),
                             token.revokedAt != nil ? .text(t("tokens.revoked")) :
                                 .form(.method(.post), .action(SiteURL.tokenRevoke(token.id ?? UUID()).path), Layout.csrfField(context),
                                       .button(.type(.submit), .text(t("tokens.revoke")))),
                         ] }),
            .form(.method(.post), .action(SiteURL.tokens.path), Layout.csrfField(context),
                  Forms.field("name", label: t("tokens.name"), required: true, problems: model.problems),
                  Forms.select("role", label: t("account.role"),
                               options: tokenRoles(user).map { ($0.rawValue, t("role.\($0.rawValue)")) },
                               selected: user.role.rawValue, problems: model.problems),
                  .button(.type(.submit), .text(t("tokens.create"))))
        ))
    }

    /// A token carries its owner's role, or the read-only observer role.
    static func tokenRoles(_ user: UserSummary) -> [Role] {
        user.role == .observer ? [.observer] : [user.role, .observer]
    }
}

enum PasswordPage {
    static func view(problems: [FieldProblem], context: RequestContext) -> Page {
        let t = context.localizer
        return Page(title: t("password.title"), content: .group(
            .h1(.text(t("password.title"))),
            .p(.text(t("password.policy", ["min": String(PasswordPolicy.minimumLength)]))),
            Forms.summary(problems, t: t),
            .form(.method(.post), .action(SiteURL.password.path), Layout.csrfField(context),
                  Forms.field("current", label: t("password.current"), type: .password, required: true, autocomplete: "current-password", problems: problems),
                  Forms.field("password", label: t("password.new"), type: .password, required: true, autocomplete: "new-password", problems: problems),
                  .button(.type(.submit), .text(t("form.save"))))
        ))
    }
}
