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
