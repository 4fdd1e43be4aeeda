import Fluent
import Foundation
@testable import PalermoApp
import PalermoCore
import Testing
import Vapor
import VaporTesting

@Suite("Uploading observations")
struct ImportAccessTests {
    static let franceRow = "FRA,France,Europe,Western Europe,Persons prosecuted,Total,Total,Total,Total,2021,Counts,42,National police"
    static let germanyRow = "DEU,Germany,Europe,Western Europe,Persons prosecuted,Total,Total,Total,Total,2021,Counts,40,BKA"
    static func file(_ rows: String...) -> ByteBuffer {
        ByteBuffer(string: ([GlotipTable.columns.joined(separator: ",")] + rows).joined(separator: "\n") + "\n")
    }

    @Test("the API takes a file as the body; the Secretariat's figures are accepted, a State's are drafts", arguments: TestStore.all)
    func api(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let admin = try await Fixtures.token(app, email: "admin@unodc.org", role: .administrator)
            let expert = try await Fixtures.token(app, email: "expert@interieur.gouv.fr", role: .nationalExpert, state: "FRA")
            // MUT
            let secretariat = try await app.testing().sendRequest(.POST, "/api/v1/imports?fileName=de.csv", headers: bearer(admin), body: Self.file(Self.germanyRow))
            let national = try await app.testing().sendRequest(.POST, "/api/v1/imports?fileName=fr.csv", headers: bearer(expert), body: Self.file(Self.franceRow))
            // validation
            #expect(secretariat.status == .ok && national.status == .ok)
            #expect(try secretariat.content.decode(ImportReport.self).added == 1)
            #expect(try await Observation.query(on: app.db).filter(\.$state == "DEU").first()?.submission == "accepted")
            #expect(try await Observation.query(on: app.db).filter(\.$state == "FRA").first()?.submission == "draft")
            let records = try await app.testing().sendRequest(.GET, "/api/v1/imports", headers: bearer(admin))
            #expect(try records.content.decode([ImportRecordDTO].self).map(\.fileName).sorted() == ["de.csv", "fr.csv"])
        }
    }

    @Test("a State's official cannot import another State's figures: refused by row, or forbidden and audited", arguments: TestStore.all)
    func otherState(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let focal = try await Fixtures.token(app, email: "focal@interieur.gouv.fr", role: .focalPoint, state: "FRA")
            let observer = try await Fixtures.token(app, email: "observer@un.org", role: .observer, state: "FRA")
            let mixed = try await app.testing().sendRequest(.POST, "/api/v1/imports", headers: bearer(focal), body: Self.file(Self.franceRow, Self.germanyRow))
            #expect(mixed.status == .unprocessableEntity)
            let report = try mixed.content.decode(ImportReport.self)
            #expect(report.problems.map(\.row) == [3] && report.problems.first?.reason.contains("FRA") == true)
            let forbidden = try await app.testing().sendRequest(.POST, "/api/v1/imports?state=DEU", headers: bearer(focal), body: Self.file(Self.germanyRow))
            #expect(forbidden.status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "denied.data.import").count() == 1)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/imports", headers: bearer(observer), body: Self.file(Self.franceRow)).status == .forbidden)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/imports", headers: ["Accept": "application/json"], body: Self.file(Self.franceRow)).status == .unauthorized)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/imports", headers: bearer(focal)).status == .badRequest)
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/imports?format=pdf", headers: bearer(focal), body: Self.file(Self.franceRow)).status == .badRequest)
            #expect(try await Observation.query(on: app.db).count() == 0)
        }
    }

    @Test("a focal point downloads the template and uploads figures from the workspace", arguments: TestStore.all)
    func web(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var focal = try await Fixtures.signedIn(app, "focal@interieur.gouv.fr", role: .focalPoint, state: "FRA")
            let workspace = try await focal.get("/states/FRA/workspace")
            #expect(workspace.text.contains("/states/FRA/imports") && workspace.text.contains("/states/FRA/template.csv"))
            let template = try await focal.get("/states/FRA/template.csv")
            #expect(template.text.hasPrefix("Iso3_code,Country,") && template.text.contains("FRA,France"))
            // MUT: a multipart upload, as the browser sends it
            let boundary = "palermo-boundary"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(focal.cookies[ContextMiddleware.csrfCookie] ?? "")\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"france.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            body += String(buffer: Self.file(Self.franceRow)) + "\r\n--\(boundary)--\r\n"
            var headers = HTTPHeaders()
            headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            let response = try await focal.send(.POST, "/states/FRA/imports", headers: headers, body: ByteBuffer(string: body))
            // validation
            #expect(response.status == .ok)
            #expect(response.text.contains(Translations.shared.text("import.outcome.succeeded", .en)))
            #expect(try await Observation.query(on: app.db).filter(\.$state == "FRA").count() == 1)
            let elsewhere = try await focal.send(.POST, "/states/DEU/imports", headers: headers, body: ByteBuffer(string: body))
            #expect(elsewhere.status == .forbidden)
        }
    }
}
