import PalermoCore
import Plot
import Vapor

/// The page for every refused or failed request, in the visitor's language. It names what went
/// wrong without exposing internals.
enum ErrorPage {
    static func view(status: HTTPResponseStatus, reason: String, context: RequestContext) -> Page {
        let t = context.localizer
        let key: String
        switch status.code {
        case 400: key = "error.badRequest"
        case 401: key = "error.unauthorized"
        case 403: key = "error.forbidden"
        case 404: key = "error.notFound"
        case 429: key = "error.tooMany"
        case 500...: key = "error.server"
        default: key = "error.other"
        }
        return Page(title: t("\(key).title"), content: .group(
            .h1(.text(t("\(key).title"))),
            .p(.text(t("\(key).text"))),
            .if(status.code < 500 && !reason.isEmpty, .p(.class("reason"), .text(reason))),
            .if(status.code == 401, .p(.a(.class("button"), .href(SiteURL.signIn.path), .text(t("nav.signIn"))))),
            .p(.a(.href(SiteURL.home.path), .text(t("error.home"))))
        ), status: status)
    }
}
