import Foundation
@testable import PalermoApp
import PalermoCore
import Testing
import VaporTesting

@Suite("Pages")
struct PagesTests {
    @Test("the public pages answer in each of the six languages, Arabic right to left", arguments: TestStore.all)
    func sixLanguages(store: TestStore) async throws {
        try await withPalermo(store) { app in
            for language in Language.allCases {
                var browser = Browser(app)
                for path in ["/", "/states", "/states/FRA", "/treaties", "/treaties/tip", "/sign-in"] {
                    // MUT
                    let response = try await browser.get("\(path)?lang=\(language.rawValue)")
                    // validation
                    #expect(response.status == .ok, "\(path) in \(language.rawValue)")
                    #expect(response.text.contains("<html lang=\"\(language.rawValue)\" dir=\"\(language.isRightToLeft ? "rtl" : "ltr")\""))
                    #expect(response.text.contains(Translations.shared.text("nav.states", language)))
                }
                // The choice is remembered by cookie.
                #expect(browser.cookies[ContextMiddleware.languageCookie] == language.rawValue)
                #expect(try await browser.get("/").text.contains("lang=\"\(language.rawValue)\""))
            }
        }
    }

    @Test("every page has landmarks, a skip link and the security headers", arguments: TestStore.all)
    func houseStyle(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var browser = Browser(app)
            for path in ["/", "/states", "/treaties/untoc", "/no-such-page"] {
                let response = try await browser.get(path)
                let html = response.text
                #expect(html.contains("class=\"skip-link\" href=\"#main\""))
                #expect(html.contains("<main id=\"main\""))
                #expect(html.contains("<nav") && html.contains("<header") && html.contains("<footer"))
                #expect(!html.contains("<script>"), "no inline script on \(path)")
                let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
            }
        }
    }

    @Test("the stylesheet and script every page links to are served")
    func staticFiles() async throws {
        try await withPalermo(.sqlite) { app in
            for (path, type) in [("/static/palermo.css", "text/css"), ("/static/palermo.js", "application/javascript")] {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers.contentType?.description.hasPrefix(type) == true, "\(path)")
            }
        }
    }

    @Test("the Parties chart ends with the last year anyone is recorded joining; an instrument without data says so", arguments: TestStore.all)
    func partiesSeries(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let tip = try await TreatyPage.query(.tip, principal: .public, on: app.db)
            #expect(tip.cumulative.first?.year == 2000)
            #expect(tip.cumulative.last?.year == 2011)
            #expect(tip.cumulative.last?.parties == ReferenceData.shared.treaties.parties.filter { $0.instrument == "TIP" }.count)
            var browser = Browser(app)
            let som = try await browser.get("/treaties/som").text
            #expect(som.contains(Translations.shared.text("treaty.noParties", .en)))
        }
    }

    @Test("an unknown State or instrument is a localized 404 that names it", arguments: TestStore.all)
    func notFound(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var browser = Browser(app)
            let state = try await browser.get("/states/XYZ?lang=fr")
            #expect(state.status == .notFound)
            #expect(state.text.contains("XYZ"))
            #expect(state.text.contains(Translations.shared.text("error.notFound.title", .fr)))
            let instrument = try await browser.get("/treaties/nope")
            #expect(instrument.status == .notFound)
            #expect(instrument.text.contains("nope"))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/states/QQQ", headers: ["Accept": "application/json"])
            #expect(api.status == .notFound)
            #expect(api.headers.contentType?.description.contains("problem+json") == true)
            #expect(try api.problem().detail.contains("QQQ"))
        }
    }

    @Test("the Parties page shows a chart, a map and a table, and names its source", arguments: TestStore.all)
    func partiesPage(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var browser = Browser(app)
            let html = try await browser.get("/treaties/tip").text
            #expect(html.contains("<svg") && html.contains("class=\"chart\""))
            #expect(html.contains("class=\"map\""))
            #expect(html.contains("<table"))
            #expect(html.contains("Kelley"))
            // The table carries the panel's year for a State it codes as Party.
            #expect(html.contains("Party since 2004"))
            #expect(html.contains("/states/FRA"))
        }
    }

    @Test("a State's page shows its region, population, names and treaty status", arguments: TestStore.all)
    func statePage(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var browser = Browser(app)
            let html = try await browser.get("/states/fra?lang=en").text
            #expect(html.contains("France"))
            #expect(html.contains("Western Europe"))
            #expect(html.contains("Natural Earth"))
            #expect(html.contains("Франция"))
            #expect(html.contains("class=\"highlight\""))
            #expect(html.contains("Trafficking in Persons Protocol"))
        }
    }

    @Test("the states list filters by region and refuses an unknown one", arguments: TestStore.all)
    func statesFilter(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var browser = Browser(app)
            let oceania = try await browser.get("/states?region=Oceania").text
            #expect(oceania.contains("/states/FJI") && !oceania.contains("/states/FRA"))
            #expect(try await browser.get("/states?region=Atlantis").status == .notFound)
        }
    }

    @Test("operations: health, metrics and the OpenAPI document", arguments: TestStore.all)
    func operations(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let health = try await app.testing().sendRequest(.GET, "/health")
            #expect(health.status == .ok)
            #expect(health.text.contains("\"ok\""))
            _ = try await app.testing().sendRequest(.GET, "/states")
            let metrics = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(metrics.text.contains("palermo_http_requests_total"))
            #expect(metrics.text.contains("route=\"/states\""))
            let openapi = try await app.testing().sendRequest(.GET, "/openapi.json")
            #expect(openapi.status == .ok)
            #expect(openapi.text.contains("\"openapi\""))
        }
    }
}
