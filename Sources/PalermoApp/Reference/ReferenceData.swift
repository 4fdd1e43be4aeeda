import Foundation
import PalermoCore

/// The reference data committed under Resources/reference, made by
/// scripts/reference-data/generate.py from ../shared/data. Read once per process.
struct ReferenceData: Sendable {
    struct State: Decodable, Sendable {
        var iso3: String
        var iso2: String
        var m49: String
        var region: String
        var subregion: String
        var unStatus: String
        var inGlotip: Bool
        var population: Int?
        var populationYear: Int?
        var names: [String: String]
    }

    struct Outlines: Decodable, Sendable {
        var projection: String
        var viewBox: String
        var paths: [String: String]
        /// Land that is none of our States (Greenland, Western Sahara…), drawn unlabelled.
        var otherLand: [String: String]
    }

    struct Treaties: Decodable, Sendable {
        struct Party: Decodable, Sendable {
            var instrument: String
            var iso3: String
            var partyYear: Int
            var doubtful: String?
        }
        struct Crosscheck: Decodable, Sendable {
            var year: Int
            var panel: Int
            var treatyCollection2016: Int
        }
        var source: String
        var caveats: [String]
        var parties: [Party]
        var crosscheck: [Crosscheck]
    }

    /// How GLOTIP's free-text citizenship and repatriation categories read (hand-curated by
    /// scripts/reference-data/category_aliases.py).
    struct CategoryAlias: Decodable, Sendable {
        var text: String
        var kind: String
        var iso3: String?
    }

    var states: [State]
    var outlines: Outlines
    var treaties: Treaties
    var categoryAliases: [CategoryAlias]

    static let shared: ReferenceData = {
        do {
            return ReferenceData(states: try load("states"), outlines: try load("outlines"), treaties: try load("treaties"),
                                 categoryAliases: try load("category-aliases"))
        } catch {
            // The files ship inside the binary's bundle; without them nothing can work.
            fatalError("Palermo's reference data is missing or damaged: \(error)")
        }
    }()

    private static func load<T: Decodable>(_ name: String) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/reference") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Resources/reference/\(name).json"])
        }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }
}
