import Foundation
import PalermoCore

/// The interface text in the six languages: one flat JSON catalogue per language under
/// Resources/translations. `{name}` marks a value filled in at run time.
struct Translations: Sendable {
    let catalogs: [Language: [String: String]]

    static let shared: Translations = {
        var catalogs: [Language: [String: String]] = [:]
        for language in Language.allCases {
            // A missing or damaged catalogue falls back to English text rather than stopping the
            // server; TranslationTests fail on it before it can ship.
            let catalog = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Resources/translations")
                .flatMap { try? Data(contentsOf: $0) }
                .flatMap { try? JSONDecoder().decode([String: String].self, from: $0) }
            catalogs[language] = catalog ?? [:]
        }
        return Translations(catalogs: catalogs)
    }()

    /// The text for `key`; English where a language lacks it, and the key itself where English
    /// does too, so that a missing text shows rather than hides (a test forbids both).
    func text(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        var text = catalogs[language]?[key] ?? catalogs[.en]?[key] ?? key
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }
}

/// The language of one request, with the catalogue at hand: views take one of these.
struct Localizer: Sendable {
    var language: Language
    var translations: Translations = .shared

    func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        translations.text(key, language, values)
    }

    /// A whole number as the language writes it (grouping separators differ).
    func number(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language.rawValue)
        formatter.numberStyle = .decimal
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    /// Times are stored in UTC and shown in UTC, in the language's own format.
    func dateTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language.rawValue)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateStyle = .medium
        formatter.timeStyle = .short
        return formatter.string(from: date) + " UTC"
    }
}
