import Fluent
import Foundation
@testable import PalermoApp
import PalermoCore
import Testing
import VaporTesting

@Suite("Reference data and the store")
struct ReferenceDataTests {
    @Test("every State and territory is loaded with six names, and loading again changes nothing", arguments: TestStore.all)
    func loaded(store: TestStore) async throws {
        try await withPalermo(store) { app in
            // setup
            let expected = ReferenceData.shared.states.count
            // MUT
            let states = try await StateRecord.query(on: app.db).all()
            let again = try await ReferenceLoader.load(on: app.db, store: app.store)
            // validation
            #expect(states.count == expected)
            #expect(states.filter(\.inGlotip).count == 199)
            #expect(states.filter { $0.unStatus == "member" }.count == 193)
            let france = try #require(states.first { $0.iso3 == "FRA" })
            #expect(france.region == "Europe" && france.subregion == "Western Europe" && france.m49 == "250")
            #expect(Language.allCases.allSatisfy { !france.name(in: $0).isEmpty })
            #expect(france.nameRU == "Франция")
            #expect(again == ReferenceLoader.Outcome())
        }
    }

    @Test("treaty status is seeded from the research panel once, and corrections survive a restart", arguments: TestStore.all)
    func treatySeed(store: TestStore) async throws {
        try await withPalermo(store) { app in
            // setup
            let seeded = try await TreatyStatus.query(on: app.db).count()
            let albania = try #require(try await TreatyStatus.query(on: app.db).filter(\.$state == "ALB").filter(\.$instrument == .tip).first())
            albania.partyYear = 2002
            try await albania.update(on: app.db)
            // MUT
            try await ReferenceLoader.load(on: app.db, store: app.store)
            // validation
            #expect(seeded == ReferenceData.shared.treaties.parties.count)
            #expect(albania.source.contains("Doubtful"))
            let after = try await TreatyStatus.query(on: app.db).filter(\.$state == "ALB").filter(\.$instrument == .tip).first()
            #expect(after?.partyYear == 2002)
            #expect(try await TreatyStatus.query(on: app.db).count() == seeded)
        }
    }
}

@Suite("Translations")
struct TranslationTests {
    @Test("every key exists in all six catalogues, with the same placeholders and no empty text")
    func complete() throws {
        let catalogs = Translations.shared.catalogs
        let english = try #require(catalogs[.en])
        let placeholders = try Regex("\\{[a-zA-Z]+\\}")
        for language in Language.allCases {
            let catalog = catalogs[language] ?? [:]
            let missing = Set(english.keys).subtracting(catalog.keys).sorted()
            let extra = Set(catalog.keys).subtracting(english.keys).sorted()
            let empty = catalog.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted()
            let placeholdersDiffer = english.keys.sorted().filter { key in
                let theirs = catalog[key] ?? ""
                let ours = english[key] ?? ""
                return catalog[key] != nil && Set(theirs.matches(of: placeholders).map { String(theirs[$0.range]) }) !=
                    Set(ours.matches(of: placeholders).map { String(ours[$0.range]) })
            }
            #expect(missing.isEmpty, "\(language.rawValue) lacks \(missing.count) keys, first \(missing.prefix(5))")
            #expect(extra.isEmpty, "\(language.rawValue) has keys English lacks: \(extra.prefix(5))")
            #expect(empty.isEmpty, "\(language.rawValue) has empty texts: \(empty.prefix(5))")
            #expect(placeholdersDiffer.isEmpty, "\(language.rawValue) placeholders differ: \(placeholdersDiffer.prefix(5))")
        }
    }

    @Test("every region and subregion of the reference data has a label")
    func regions() {
        let english = Translations.shared.catalogs[.en] ?? [:]
        for state in ReferenceData.shared.states {
            #expect(english["region.\(state.region)"] != nil)
            #expect(english["subregion.\(state.subregion)"] != nil)
        }
    }
}
