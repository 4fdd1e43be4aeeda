import Fluent
import Foundation
import PalermoCore

/// Reads a citizenship or repatriation category: first the alias table (curated from GLOTIP's
/// free text and extended by the Secretariat), then the names of States in the six languages;
/// anything else stays as the State wrote it and is listed as unmapped.
struct CategoryClassifier: Sendable {
    struct Reading: Sendable, Equatable {
        var kind: CategoryKind
        var iso3: String?
    }

    private let aliases: [String: Reading]
    private let names: [String: String]

    static func load(on db: Database) async throws -> CategoryClassifier {
        let aliases = try await CategoryAlias.query(on: db).all()
        let states = try await StateRecord.query(on: db).all()
        var names: [String: String] = [:]
        for state in states {
            for language in Language.allCases { names[normalize(state.name(in: language))] = state.iso3 }
            names[normalize(state.iso3)] = state.iso3
        }
        return CategoryClassifier(
            aliases: Dictionary(aliases.compactMap { alias in
                CategoryKind(rawValue: alias.kind).map { (alias.id ?? "", Reading(kind: $0, iso3: alias.iso3)) }
            }, uniquingKeysWith: { a, _ in a }),
            names: names)
    }

    func read(_ text: String) -> Reading {
        if let alias = aliases[text] { return alias }
        if let iso3 = names[Self.normalize(text)] { return Reading(kind: .country, iso3: iso3) }
        return Reading(kind: .unmapped, iso3: nil)
    }

    private static func normalize(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
