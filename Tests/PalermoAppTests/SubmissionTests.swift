import Fluent
import Foundation
@testable import PalermoApp
import PalermoCore
import Testing
import Vapor
import VaporTesting

@Suite("Clearing and accepting figures")
struct SubmissionTests {
    static let row = "FRA,France,Europe,Western Europe,Persons prosecuted,Total,Total,Total,Total,2021,Counts,42,Ministère de la Justice"
    static var file: ByteBuffer { ByteBuffer(string: GlotipTable.columns.joined(separator: ",") + "\n" + row + "\n") }

    func post(_ app: Application, _ path: String, _ token: String, reason: String? = nil) async throws -> TestingHTTPResponse {
        let body = reason.map { ByteBuffer(string: #"{"reason":"\#($0)"}"#) }
        return try await app.testing().sendRequest(.POST, path, headers: bearer(token, json: true), body: body)
    }

    @Test("an expert drafts, the focal point clears and locks, the Secretariat accepts and publishes, reopening needs a reason", arguments: TestStore.all)
    func workflow(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let expert = try await Fixtures.token(app, email: "expert@justice.gouv.fr", role: .nationalExpert, state: "FRA")
            let focal = try await Fixtures.token(app, email: "focal@interieur.gouv.fr", role: .focalPoint, state: "FRA")
            let admin = try await Fixtures.token(app, email: "admin@unodc.org", role: .administrator)
            _ = try await app.testing().sendRequest(.POST, "/api/v1/imports", headers: bearer(expert), body: Self.file)
            func publicCount() async throws -> Int {
                try await app.testing().sendRequest(.GET, "/api/v1/observations?state=FRA", headers: ["Accept": "application/json"])
                    .content.decode([Exporter.Row].self).count
            }
            #expect(try await publicCount() == 0)
            // An expert cannot clear; the focal point can.
            #expect(try await post(app, "/api/v1/states/FRA/years/2021/clear", expert).status == .forbidden)
            let cleared = try await post(app, "/api/v1/states/FRA/years/2021/clear", focal)
            #expect(cleared.status == .ok)
            #expect(try cleared.content.decode(Submissions.Year.self).status == .cleared)
            // Cleared figures are locked for the State's officials.
            let locked = try await app.testing().sendRequest(.POST, "/api/v1/imports", headers: bearer(expert), body: Self.file)
            #expect(locked.status == .unprocessableEntity)
            #expect(try locked.content.decode(ImportReport.self).problems.first?.reason.contains("cleared") == true)
            // Only the Secretariat accepts; then the public sees them.
            #expect(try await post(app, "/api/v1/states/FRA/years/2021/accept", focal).status == .forbidden)
            #expect(try await post(app, "/api/v1/states/FRA/years/2021/accept", admin).status == .ok)
            #expect(try await publicCount() == 1)
            // Accepted figures are reopened by the Secretariat only, and with a reason.
            #expect(try await post(app, "/api/v1/states/FRA/years/2021/reopen", focal, reason: "typo").status == .forbidden)
            #expect(try await post(app, "/api/v1/states/FRA/years/2021/reopen", admin).status == .badRequest)
            #expect(try await post(app, "/api/v1/states/FRA/years/2021/reopen", admin, reason: "the ministry corrected 2021").status == .ok)
            #expect(try await publicCount() == 0)
            let trail = try await AuditEntry.query(on: app.db).filter(\.$entity == "submission").sort(\.$id).all()
            #expect(trail.map(\.action) == ["denied.submission.clear", "submission.clear", "denied.submission.accept", "submission.accept",
                                            "denied.submission.reopen", "submission.reopen"])
            #expect(trail.last?.reason == "the ministry corrected 2021")
            #expect(try await post(app, "/api/v1/states/FRA/years/1999/clear", focal).status == .notFound)
            #expect(try await post(app, "/api/v1/states/FRA/years/2021/publish", admin).status == .notFound)
        }
    }

    @Test("the workspace shows each year with the actions the role allows", arguments: TestStore.all)
    func page(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let expert = try await Fixtures.token(app, email: "expert@justice.gouv.fr", role: .nationalExpert, state: "FRA")
            _ = try await app.testing().sendRequest(.POST, "/api/v1/imports", headers: bearer(expert), body: Self.file)
            var focal = try await Fixtures.signedIn(app, "focal@interieur.gouv.fr", role: .focalPoint, state: "FRA")
            let page = try await focal.get("/states/FRA/workspace")
            #expect(page.text.contains("/states/FRA/years/2021/clear") && !page.text.contains("/years/2021/accept"))
            let response = try await focal.post("/states/FRA/years/2021/clear", form: [:])
            #expect(response.status == .seeOther)
            #expect(try await focal.get("/states/FRA/workspace").text.contains(Translations.shared.text("submission.cleared", .en)))
        }
    }
}
