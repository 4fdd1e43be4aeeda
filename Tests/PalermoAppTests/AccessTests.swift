import Fluent
import Foundation
@testable import PalermoApp
import PalermoCore
import Testing
import VaporTesting

@Suite("Signing in and who may do what")
struct AccessTests {
    @Test("the administrator names a focal point for France, who sees France's workspace and is refused Germany's", arguments: TestStore.all)
    func focalPointScenario(store: TestStore) async throws {
        try await withPalermo(store) { app in
            // setup
            var admin = try await Fixtures.signedIn(app, "admin@unodc.org", role: .administrator)
            // MUT: the administrator creates the account on the web, Palermo chooses the password
            let created = try await admin.post("/admin/users", form: ["name": "Marie Curie", "email": "marie@interieur.gouv.fr",
                                                                      "role": "focal-point", "state": "FRA", "organisation": ""])
            #expect(created.status == .ok)
            let oneTime = try #require(created.text.firstMatch(of: try Regex("<code>([A-Za-z0-9_-]{16})</code>")).map { String(created.text[$0.range]) })
                .replacingOccurrences(of: "<code>", with: "").replacingOccurrences(of: "</code>", with: "")
            var marie = Browser(app)
            let signIn = try await marie.signIn("marie@interieur.gouv.fr", oneTime)
            // validation: first sign-in leads to the password change
            #expect(signIn.status == .seeOther)
            #expect(signIn.headers.first(name: .location) == "/account/password")
            // Nowhere else until she has chosen her own password; a weak one is refused.
            #expect(try await marie.get("/states/FRA/workspace").headers.first(name: .location) == "/account/password")
            let weak = try await marie.post("/account/password", form: ["current": oneTime, "password": "short"])
            #expect(weak.status == .badRequest)
            let chosen = try await marie.post("/account/password", form: ["current": oneTime, "password": "liberté égalité fraternité"])
            #expect(chosen.status == .seeOther)
            #expect(try await marie.get("/states/FRA/workspace").status == .ok)
            #expect(try await marie.get("/states/DEU/workspace").status == .forbidden)
            let write = try await marie.post("/states/DEU/workspace", form: ["name": "X", "email": "x@bund.de", "role": "national-expert"])
            #expect(write.status == .forbidden)
            let denied = try await AuditEntry.query(on: app.db).filter(\.$action == "denied.user.create").all()
            #expect(denied.count == 1)
            #expect(denied.first?.actor == "marie@interieur.gouv.fr" && denied.first?.entityID == "DEU")
            // Her own State: she names a national expert.
            let named = try await marie.post("/states/FRA/workspace", form: ["name": "Jean", "email": "jean@justice.gouv.fr", "role": "national-expert"])
            #expect(named.status == .ok)
            let jean = try await User.query(on: app.db).filter(\.$email == "jean@justice.gouv.fr").first()
            #expect(jean?.role == .nationalExpert && jean?.state == "FRA")
            // But not another focal point.
            let promoted = try await marie.post("/states/FRA/workspace", form: ["name": "P", "email": "p@x.fr", "role": "focal-point"])
            #expect(promoted.status == .forbidden)
        }
    }

    @Test("a wrong password and an unknown address get the same message, and guessing is throttled", arguments: TestStore.all)
    func wrongPassword(store: TestStore) async throws {
        try await withPalermo(store) { app in
            try await Fixtures.user(app, email: "focal@mfa.gov.ar", role: .focalPoint, state: "ARG")
            var browser = Browser(app)
            let wrong = try await browser.signIn("focal@mfa.gov.ar", "not the password at all")
            let unknown = try await browser.signIn("nobody@nowhere.org", "not the password at all")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            let message = Translations.shared.text("signIn.rejected", .en)
            #expect(wrong.text.contains(message) && unknown.text.contains(message))
            #expect(browser.cookies[ContextMiddleware.sessionCookie] == nil)
            for _ in 0..<4 { try await browser.signIn("focal@mfa.gov.ar", "still wrong password") }
            // MUT: the right password, after five failures
            let throttled = try await browser.signIn("focal@mfa.gov.ar", Fixtures.password)
            // validation
            #expect(throttled.status == .tooManyRequests)
            #expect(browser.cookies[ContextMiddleware.sessionCookie] == nil)
            // Failures older than the window are forgotten at the next failure.
            try await SignInFailure(email: "old@x.org", client: "x", at: Date().addingTimeInterval(-SignIn.throttleWindow - 60)).create(on: app.db)
            try await browser.signIn("someone@else.org", "wrong wrong wrong")
            #expect(try await SignInFailure.query(on: app.db).filter(\.$email == "old@x.org").count() == 0)
        }
    }

    @Test("sessions: cookie flags, no session before sign-in, sign-out ends it on the server", arguments: TestStore.all)
    func sessions(store: TestStore) async throws {
        try await withPalermo(store) { app in
            try await Fixtures.user(app, email: "obs@un.org", role: .observer)
            var browser = Browser(app)
            try await browser.get("/")
            #expect(browser.cookies[ContextMiddleware.sessionCookie] == nil)
            let signIn = try await browser.signIn("obs@un.org", Fixtures.password)
            let cookie = try #require(signIn.headers[.setCookie].first { $0.hasPrefix(ContextMiddleware.sessionCookie) })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let stolen = try #require(browser.cookies[ContextMiddleware.sessionCookie])
            #expect(try await browser.get("/account").status == .ok)
            // MUT
            try await browser.post("/sign-out", form: [:])
            // validation: the old cookie no longer signs anyone in
            var replay = Browser(app)
            replay.cookies[ContextMiddleware.sessionCookie] = stolen
            #expect(try await replay.get("/account").status == .seeOther)
            #expect(try await Session.query(on: app.db).count() == 0)
        }
    }

    @Test("a form without its anti-forgery token is refused and changes nothing", arguments: TestStore.all)
    func csrf(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var admin = try await Fixtures.signedIn(app, "admin@unodc.org", role: .administrator)
            let forged = try await admin.post("/admin/users", form: ["name": "Eve", "email": "eve@evil.org", "role": "administrator"], csrf: "forged-token-forged-token-forged-token")
            #expect(forged.status == .forbidden)
            #expect(try await User.query(on: app.db).filter(\.$email == "eve@evil.org").count() == 0)
        }
    }

    @Test("a disabled account cannot sign in and loses its sessions", arguments: TestStore.all)
    func disabled(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var admin = try await Fixtures.signedIn(app, "admin@unodc.org", role: .administrator)
            var expert = try await Fixtures.signedIn(app, "expert@gob.es", role: .nationalExpert, state: "ESP")
            let id = try #require(try await User.query(on: app.db).filter(\.$email == "expert@gob.es").first()?.id)
            // MUT
            let response = try await admin.post("/admin/users/\(id.uuidString)/disable", form: [:])
            // validation
            #expect(response.status == .seeOther)
            #expect(try await expert.get("/account").status == .seeOther)
            var again = Browser(app)
            #expect(try await again.signIn("expert@gob.es", Fixtures.password).status == .unauthorized)
            let entry = try await AuditEntry.query(on: app.db).filter(\.$action == "user.disable").first()
            #expect(entry?.old.contains("\"disabled\":\"no\"") == true && entry?.new.contains("\"disabled\":\"yes\"") == true)
        }
    }

    @Test("restricted pages: anonymous visitors are sent to sign in, other roles refused", arguments: TestStore.all)
    func restrictedPages(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var anonymous = Browser(app)
            for path in ["/admin/users", "/admin/audit", "/account", "/states/FRA/workspace", "/treaties/tip/FRA/edit"] {
                let response = try await anonymous.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers.first(name: .location) == "/sign-in")
            }
            var practitioner = try await Fixtures.signedIn(app, "police@polizia.it", role: .practitioner)
            for path in ["/admin/users", "/admin/audit", "/states/ITA/workspace", "/treaties/tip/ITA/edit"] {
                #expect(try await practitioner.get(path).status == .forbidden, "\(path)")
            }
        }
    }
}
