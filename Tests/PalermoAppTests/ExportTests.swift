import Fluent
import Foundation
@testable import PalermoApp
import PalermoCore
import Testing
import Vapor
import VaporTesting

@Suite("Exporting observations")
struct ExportTests {
    static let rows = [
        "FRA,France,Europe,Western Europe,Persons convicted,Total,Total,Total,Total,2020,Counts,3,GLOTIP",
        "FRA,France,Europe,Western Europe,Persons convicted,Total,Total,Total,Total,2021,Counts,\"1,192\",GLOTIP",
        "FRA,France,Europe,Western Europe,Persons convicted,Total,Total,Total,Total,2022,Counts,<5,GLOTIP",
    ]

    @Test("the public sees accepted figures with 1 to 4 as <5; a State's drafts only its own officials and the Secretariat", arguments: TestStore.all)
    func scope(store: TestStore) async throws {
        try await withPalermo(store) { app in
            // setup: accepted figures from the Secretariat, a draft from Spain
            _ = try await importFile(try temporaryFile(([GlotipTable.columns.joined(separator: ",")] + Self.rows).joined(separator: "\n")), app)
            let spain = try await Fixtures.token(app, email: "expert@interior.gob.es", role: .nationalExpert, state: "ESP")
            let draft = "ESP,Spain,Europe,Southern Europe,Persons convicted,Total,Total,Total,Total,2021,Counts,2,Ministerio"
            _ = try await app.testing().sendRequest(.POST, "/api/v1/imports", headers: bearer(spain),
                                                    body: ByteBuffer(string: GlotipTable.columns.joined(separator: ",") + "\n" + draft))
            // MUT
            let publicRows = try await app.testing().sendRequest(.GET, "/api/v1/observations", headers: ["Accept": "application/json"])
                .content.decode([Exporter.Row].self)
            let spainRows = try await app.testing().sendRequest(.GET, "/api/v1/observations?state=ESP", headers: bearer(spain))
                .content.decode([Exporter.Row].self)
            let csv = try await app.testing().sendRequest(.GET, "/api/v1/observations?format=csv&state=FRA")
            // validation
            #expect(publicRows.map(\.value) == ["<5", "1,192", "<5"])
            #expect(publicRows.allSatisfy { $0.state == "FRA" })
            #expect(spainRows.map(\.value) == ["2"] && spainRows.first?.submission == "draft")
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.text.hasPrefix("Iso3_code,Country,") && csv.text.contains("\"1,192\"") && !csv.text.contains(",3,"))
        }
    }

    @Test("bad filters are refused, each field named")
    func badFilters() async throws {
        try await withPalermo(.sqlite) { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/observations?state=QQQ&region=Atlantis&indicator=joy&from=2020&to=2010&format=pdf",
                                                               headers: ["Accept": "application/json"])
            #expect(response.status == .badRequest)
            #expect(Set((try response.problem().errors ?? []).map(\.field)) == ["state", "region", "indicator", "from"])
            let year = try await app.testing().sendRequest(.GET, "/api/v1/observations?from=soon", headers: ["Accept": "application/json"])
            #expect(year.status == .badRequest)
        }
    }
}

@Suite("Category mapping")
struct CategoryMappingTests {
    @Test("the Secretariat lists unmapped texts and maps one; its figures are re-read; others may not", arguments: TestStore.all)
    func mapping(store: TestStore) async throws {
        try await withPalermo(store) { app in
            _ = try await importFile(try temporaryFile(ImportTests.sample), app)
            let admin = try await Fixtures.token(app, email: "admin@unodc.org", role: .administrator)
            let focal = try await Fixtures.token(app, email: "focal@interieur.gouv.fr", role: .focalPoint, state: "FRA")
            let unmapped = try await app.testing().sendRequest(.GET, "/api/v1/categories?kind=unmapped", headers: bearer(admin))
                .content.decode([CategoryMapping.Usage].self)
            #expect(unmapped.map(\.text) == ["Atlantis"] && unmapped.first?.rows == 1)
            // MUT
            let mapped = try await app.testing().sendRequest(.POST, "/api/v1/categories", headers: bearer(admin, json: true),
                                                             body: ByteBuffer(string: #"{"text":"Atlantis","kind":"unknown","reason":"a State's name for unknown"}"#))
            // validation
            #expect(mapped.status == .ok)
            #expect(try await Observation.query(on: app.db).filter(\.$category == "Atlantis").first()?.categoryKind == "unknown")
            #expect(try await CategoryAlias.find("Atlantis", on: app.db)?.kind == "unknown")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "category.map").first()?.reason == "a State's name for unknown")
            let bad = try await app.testing().sendRequest(.POST, "/api/v1/categories", headers: bearer(admin, json: true),
                                                          body: ByteBuffer(string: #"{"text":"x","kind":"country","iso3":"QQQ"}"#))
            #expect(bad.status == .badRequest)
            #expect(try bad.problem().errors?.map(\.field) == ["iso3"])
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/categories", headers: bearer(focal, json: true),
                                                        body: ByteBuffer(string: #"{"text":"x","kind":"unknown"}"#)).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/categories", headers: bearer(focal)).status == .forbidden)
            let rules = try await app.testing().sendRequest(.GET, "/api/v1/validation-rules")
            #expect(try rules.content.decode([ValidationRule].self).count == DataEntry.rules.count)
        }
    }
}
