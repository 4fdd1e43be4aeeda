import PalermoCore
import Plot
import Vapor

enum SignInPage {
    static func view(email: String, message: String?, context: RequestContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.localizer
        var page = Page(title: t("signIn.title"), content: .group(
            .h1(.text(t("signIn.title"))),
            .if(message != nil, .p(.class("error-summary"), .attribute(named: "role", value: "alert"), .text(message ?? ""))),
            .form(.method(.post), .action(SiteURL.signIn.path),
                  Layout.csrfField(context),
                  Forms.field("email", label: t("signIn.email"), type: .email, value: email, required: true, autocomplete: "username"),
                  Forms.field("password", label: t("signIn.password"), type: .password, required: true, autocomplete: "current-password"),
                  .button(.type(.submit), .text(t("signIn.submit")))),
            .p(.class("hint"), .text(t("signIn.help")))
        ))
        page.status = status
        return page
    }
}
