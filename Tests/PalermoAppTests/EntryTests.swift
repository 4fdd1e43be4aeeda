import Fluent
import Foundation
@testable import PalermoApp
import PalermoCore
import Testing
import VaporTesting

@Suite("Entering figures on the web")
struct EntryTests {
    static func field(_ indicator: Indicator, _ sex: Sex = .total, _ age: AgeGroup = .total) -> String {
        DataEntry.Cell(indicator, .total, "_T", sex, age).field
    }

    @Test("a focal point enters a year, the rules catch parts beyond totals, then clears it and the Secretariat accepts it", arguments: TestStore.all)
    func scenario(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var focal = try await Fixtures.signedIn(app, "focal@interieur.gouv.fr", role: .focalPoint, state: "FRA")
            let form = try await focal.get("/states/FRA/years/2023/entry?lang=fr")
            #expect(form.status == .ok && form.text.contains(Self.field(.detectedVictims, .female, .children)))
            // MUT: women and men beyond the total, and one value that is not a count
            var values = [Self.field(.detectedVictims): "10", Self.field(.detectedVictims, .female): "8",
                          Self.field(.detectedVictims, .male): "5", Self.field(.prosecuted): "beaucoup",
                          "c|0|text": "roumain", "c|0|value": "<5"]
            let refused = try await focal.post("/states/FRA/years/2023/entry", form: values)
            // validation: every problem at once, in French, nothing written
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("sexes-within-total") && refused.text.contains("Les femmes, les hommes"))
            #expect(refused.text.contains(Self.field(.prosecuted)) && refused.text.contains("beaucoup"))
            #expect(try await Observation.query(on: app.db).count() == 0)

            values[Self.field(.detectedVictims, .male)] = "2"
            values[Self.field(.prosecuted)] = "3"
            values[Self.field(.convicted)] = "4"
            let saved = try await focal.post("/states/FRA/years/2023/entry", form: values)
            #expect(saved.status == .ok)
            #expect(saved.text.contains("Plus de personnes condamnées"))  // a warning, not a refusal
            let stored = try await Observation.query(on: app.db).filter(\.$state == "FRA").filter(\.$year == 2023).all()
            #expect(stored.count == 6 && stored.allSatisfy { $0.submission == "draft" })
            #expect(stored.first { $0.category == "roumain" }?.categoryKind == nil)
            // Emptying a cell removes its figure, audited.
            values[Self.field(.convicted)] = ""
            _ = try await focal.post("/states/FRA/years/2023/entry", form: values)
            #expect(try await Observation.query(on: app.db).filter(\.$indicator == "PERSONS_CONVICTED").count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "observation.remove").count() == 1)

            #expect(try await focal.post("/states/FRA/years/2023/clear", form: [:]).status == .seeOther)
            #expect(try await focal.get("/states/FRA/years/2023/entry").status == .conflict)
            #expect(try await focal.post("/states/FRA/years/2023/entry", form: values).status == .conflict)
            var admin = try await Fixtures.signedIn(app, "admin@unodc.org", role: .administrator)
            #expect(try await admin.post("/states/FRA/years/2023/accept", form: [:]).status == .seeOther)
            #expect(try await Observation.query(on: app.db).filter(\.$submission == "accepted").count() == 5)
        }
    }

    @Test("officials of another State, observers and visitors cannot enter figures", arguments: TestStore.all)
    func forbidden(store: TestStore) async throws {
        try await withPalermo(store) { app in
            var german = try await Fixtures.signedIn(app, "focal@bmi.bund.de", role: .focalPoint, state: "DEU")
            #expect(try await german.get("/states/FRA/years/2023/entry").status == .forbidden)
            #expect(try await german.post("/states/FRA/years/2023/entry", form: [Self.field(.prosecuted): "3"]).status == .forbidden)
            var observer = try await Fixtures.signedIn(app, "observer@diplomatie.gouv.fr", role: .observer, state: "FRA")
            #expect(try await observer.get("/states/FRA/years/2023/entry").status == .forbidden)
            var visitor = Browser(app)
            #expect(try await visitor.get("/states/FRA/years/2023/entry").status == .seeOther)
            #expect(try await german.get("/states/DEU/years/3023/entry").status == .notFound)
            #expect(try await Observation.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "denied.data.entry").count() == 1)
        }
    }
}
