import Foundation
import PalermoCore
import Plot
import Vapor

/// A page's own content; the layout adds everything every page shares.
struct Page {
    var title: String
    var content: Node<HTML.BodyContext>
    var status: HTTPResponseStatus = .ok
}

/// The house style: landmarks, a skip link, the language switcher (Arabic right to left), the
/// navigation that the signed-in role allows, and no inline script (the CSP forbids it).
enum Layout {
    static func render(_ page: Page, context: RequestContext, path: String) -> String {
        let t = context.localizer
        let language = context.language
        let html = HTML(
            .attribute(named: "lang", value: language.rawValue),
            .attribute(named: "dir", value: language.isRightToLeft ? "rtl" : "ltr"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.name("csrf-token"), .content(context.csrfToken)),
                .title("\(page.title) · Palermo"),
                .link(.rel(.stylesheet), .href("/static/palermo.css")),
                .script(.src("/static/palermo.js"), .defer())
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(t("layout.skip"))),
                .header(
                    .class("site-header"),
                    .a(.class("brand"), .href(SiteURL.home.path), .text("Palermo")),
                    .span(.class("tagline"), .text(t("layout.tagline"))),
                    navigation(context: context),
                    languageSwitcher(current: language, path: path, t: t)
                ),
                .main(.id("main"), .attribute(named: "tabindex", value: "-1"), page.content),
                .footer(
                    .class("site-footer"),
                    .p(.text(t("layout.footer"))),
                    .p(.a(.href("/openapi.json"), .text(t("layout.api"))))
                )
            )
        )
        return html.render()
    }

    private static func navigation(context: RequestContext) -> Node<HTML.BodyContext> {
        let t = context.localizer
        var links: [(String, String)] = [
            (SiteURL.home.path, t("nav.home")),
            (SiteURL.states.path, t("nav.states")),
            (SiteURL.treaties.path, t("nav.treaties")),
        ]
        if let user = context.user {
            if let state = user.state { links.append((SiteURL.stateWorkspace(state).path, t("nav.workspace"))) }
            if user.role == .administrator {
                links.append((SiteURL.adminUsers.path, t("nav.users")))
                links.append((SiteURL.audit.path, t("nav.audit")))
            }
            links.append((SiteURL.account.path, t("nav.account")))
        }
        return .nav(
            .attribute(named: "aria-label", value: t("nav.label")),
            .ul(.forEach(links) { href, label in .li(.a(.href(href), .text(label))) }),
            .if(context.user != nil,
                .form(.class("sign-out"), .method(.post), .action(SiteURL.signOut.path),
                      csrfField(context),
                      .button(.type(.submit), .text(t("nav.signOut")))),
                else: .a(.class("sign-in"), .href(SiteURL.signIn.path), .text(t("nav.signIn"))))
        )
    }

    private static func languageSwitcher(current: PalermoCore.Language, path: String, t: Localizer) -> Node<HTML.BodyContext> {
        .nav(
            .class("languages"),
            .attribute(named: "aria-label", value: t("nav.languages")),
            .ul(.forEach(PalermoCore.Language.allCases) { language in
                .li(.a(
                    .href("\(path)?lang=\(language.rawValue)"),
                    .attribute(named: "lang", value: language.rawValue),
                    .attribute(named: "hreflang", value: language.rawValue),
                    .attribute(named: "aria-current", value: language == current ? "true" : nil),
                    .text(language.nativeName)
                ))
            })
        )
    }

    static func csrfField(_ context: RequestContext) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("_csrf"), .value(context.csrfToken))
    }
}

extension Request {
    /// Renders a page in the layout, as an HTML response.
    func page(_ page: Page) -> Response {
        let html = Layout.render(page, context: context, path: url.path)
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: page.status, headers: headers, body: .init(string: html))
    }

    func redirect(_ url: SiteURL) -> Response {
        redirect(to: url.path, redirectType: .normal)
    }
}
