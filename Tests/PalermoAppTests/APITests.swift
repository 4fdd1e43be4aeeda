import Fluent
import Foundation
@testable import PalermoApp
import PalermoCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("JSON API")
struct APITests {
    @Test("every API route is in the OpenAPI document, and every documented path is a route")
    func openAPIMatchesRoutes() async throws {
        try await withPalermo(.sqlite) { app in
            // setup
            let document = try await app.testing().sendRequest(.GET, "/openapi.json")
            let json = try JSONSerialization.jsonObject(with: Data(buffer: document.body)) as? [String: Any]
            let paths = try #require(json?["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            // MUT
            let registered = Set(app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { component in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                return path.hasPrefix("/api/") ? "\(route.method.rawValue) \(path)" : nil
            })
            // validation
            #expect(registered == documented, "undocumented: \(registered.subtracting(documented)); not routed: \(documented.subtracting(registered))")
        }
    }

    @Test("a token reads within its scope and stops working the moment it is revoked", arguments: TestStore.all)
    func tokens(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let token = try await Fixtures.token(app, email: "focal@mofa.go.jp", role: .focalPoint, state: "JPN")
            let me = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token))
            let dto = try me.content.decode(MeDTO.self)
            #expect(dto.state == "JPN" && dto.role == "focal-point" && dto.credential == "token")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/audit", headers: bearer(token)).status == .forbidden)
            let id = try #require(try await APIToken.query(on: app.db).first()?.id)
            // MUT
            let revoke = try await app.testing().sendRequest(.DELETE, "/api/v1/tokens/\(id.uuidString)", headers: bearer(token))
            // validation
            #expect(revoke.status == .noContent)
            let after = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(token))
            #expect(after.status == .unauthorized)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer("plm_madeup")).status == .unauthorized)
        }
    }

    @Test("a malformed body gets a 400 that names each field at fault, and nothing is written", arguments: TestStore.all)
    func badBodies(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let token = try await Fixtures.token(app, email: "admin@unodc.org", role: .administrator)
            let before = try await AuditEntry.query(on: app.db).count()
            // MUT: several problems at once
            let response = try await app.testing().sendRequest(.PUT, "/api/v1/treaties/tip/FRA", headers: bearer(token, json: true),
                body: ByteBuffer(string: #"{"signature":"2000-13-45","consent":"2002-01-01","partyYear":1990,"consentKind":"conquest"}"#))
            // validation
            #expect(response.status == .badRequest)
            let problem = try response.problem()
            let fields = Set((problem.errors ?? []).map(\.field))
            #expect(fields == ["signature", "consentKind", "partyYear", "source", "reason"])
            #expect(try await AuditEntry.query(on: app.db).count() == before)
            // Wrong types and broken JSON are 400s too, never 500s.
            let wrongType = try await app.testing().sendRequest(.PUT, "/api/v1/treaties/tip/FRA", headers: bearer(token, json: true),
                                                                body: ByteBuffer(string: #"{"partyYear":"soon"}"#))
            #expect(wrongType.status == .badRequest)
            #expect(try wrongType.problem().errors?.first?.field == "partyYear")
            let broken = try await app.testing().sendRequest(.POST, "/api/v1/users", headers: bearer(token, json: true), body: ByteBuffer(string: "{\"email\":"))
            #expect(broken.status == .badRequest)
            let users = try await app.testing().sendRequest(.POST, "/api/v1/users", headers: bearer(token, json: true),
                                                            body: ByteBuffer(string: #"{"email":"not-an-address","role":"king","state":"ZZZ"}"#))
            #expect(users.status == .badRequest)
            #expect(Set((try users.problem().errors ?? []).map(\.field)).isSuperset(of: ["email", "name", "role", "state"]))
        }
    }

    @Test("the Secretariat corrects a treaty record; the change is audited old to new; others are refused and audited", arguments: TestStore.all)
    func treatyUpdate(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let admin = try await Fixtures.token(app, email: "admin@unodc.org", role: .administrator)
            let focal = try await Fixtures.token(app, email: "focal@diplomatie.gouv.fr", role: .focalPoint, state: "FRA")
            let body = #"{"signature":"2000-12-12","consent":"2002-10-29","consentKind":"ratification","source":"UN Treaty Collection","reason":"exact dates from the depositary"}"#
            // MUT
            let response = try await app.testing().sendRequest(.PUT, "/api/v1/treaties/tip/FRA", headers: bearer(admin, json: true), body: ByteBuffer(string: body))
            let refused = try await app.testing().sendRequest(.PUT, "/api/v1/treaties/tip/FRA", headers: bearer(focal, json: true), body: ByteBuffer(string: body))
            // validation
            #expect(response.status == .ok)
            let status = try response.content.decode(TreatyStatusDTO.self)
            #expect(status.status == "party" && status.partyYear == 2002 && status.consentKind == "ratification")
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "treaty.edit").first())
            #expect(entry.entityID == "TIP:FRA" && entry.reason == "exact dates from the depositary")
            #expect(entry.new.contains("2002-10-29") && entry.old.contains("\"consent\":\"\""))
            #expect(refused.status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "denied.treaty.edit").count() == 1)
            let unknown = try await app.testing().sendRequest(.PUT, "/api/v1/treaties/tip/XXX", headers: bearer(admin, json: true), body: ByteBuffer(string: body))
            #expect(unknown.status == .notFound)
            #expect(try unknown.problem().detail.contains("XXX"))
        }
    }

    @Test("a focal point lists its own State's accounts only", arguments: TestStore.all)
    func userScope(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let focal = try await Fixtures.token(app, email: "focal@mre.gov.br", role: .focalPoint, state: "BRA")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/users?state=BRA", headers: bearer(focal)).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/users?state=ARG", headers: bearer(focal)).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/users", headers: bearer(focal)).status == .forbidden)
            let anonymous = try await app.testing().sendRequest(.GET, "/api/v1/users", headers: ["Accept": "application/json"])
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("a browser's API write without the anti-forgery header is refused", arguments: TestStore.all)
    func apiCSRF(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var browser = try await Fixtures.signedIn(app, "admin@unodc.org", role: .administrator)
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.add(name: .accept, value: "application/json")
            let response = try await browser.send(.POST, "/api/v1/tokens", headers: headers, body: ByteBuffer(string: #"{"name":"x"}"#))
            #expect(response.status == .forbidden)
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }
}

@Suite("Audit log")
struct AuditLogTests {
    @Test("every change is chained; tampering with a stored entry is found and located", arguments: TestStore.all)
    func tamper(store: TestStore) async throws {
        try await withPalermo(store) { app in
            // setup
            for n in 1...3 { try await Fixtures.user(app, email: "user\(n)@un.org", role: .observer) }
            let verdict = try await AuditLog.verify(on: app.db)
            guard case .intact(let count) = verdict else { Issue.record("chain broken: \(verdict)"); return }
            #expect(count >= 4)  // reference load + three accounts
            let target = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "user.create").sort(\.$id).first()?.id)
            // MUT: someone edits the log behind Palermo's back
            try await (app.db as! any SQLDatabase).update(AuditEntry.schema).set("actor", to: "someone else")
                .where("sequence", .equal, target).run()
            // validation
            let after = try await AuditLog.verify(on: app.db)
            guard case .broken(let sequence, _) = after else { Issue.record("tampering not detected"); return }
            #expect(sequence == target)
        }
    }

    @Test("concurrent writes never fork the chain", arguments: TestStore.all)
    func concurrent(store: TestStore) async throws {
        try await withPalermo(store) { app in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<12 {
                    group.addTask { try await Fixtures.user(app, email: "c\(n)@un.org", role: .observer) }
                }
                try await group.waitForAll()
            }
            let verdict = try await AuditLog.verify(on: app.db)
            guard case .intact = verdict else { Issue.record("\(verdict)"); return }
        }
    }

    @Test("the administrator reads and filters the log; no one else may", arguments: TestStore.all)
    func reading(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var admin = try await Fixtures.signedIn(app, "admin@unodc.org", role: .administrator)
            try await Fixtures.user(app, email: "someone@un.org", role: .observer)
            let page = try await admin.get("/admin/audit?action=user.create")
            #expect(page.status == .ok)
            #expect(page.text.contains("someone@un.org"))
            #expect(page.text.contains(Translations.shared.text("audit.intact", .en, ["count": ""]).components(separatedBy: ":").first ?? "-"))
            let token = try await Fixtures.token(app, email: "observer@un.org", role: .observer)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/audit/verify", headers: bearer(token)).status == .forbidden)
        }
    }
}
