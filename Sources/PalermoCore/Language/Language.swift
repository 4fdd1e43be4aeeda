import Foundation

/// The six official languages of the United Nations (MISSION.md capability 9).
public enum Language: String, CaseIterable, Codable, Sendable {
    case ar, zh, en, fr, ru, es

    public var isRightToLeft: Bool { self == .ar }

    /// The language's name in itself, as the switcher shows it.
    public var nativeName: String {
        switch self {
        case .ar: "العربية"
        case .zh: "中文"
        case .en: "English"
        case .fr: "Français"
        case .ru: "Русский"
        case .es: "Español"
        }
    }

    /// The first of `Accept-Language`'s ranges that we speak, by quality; English otherwise.
    public static func negotiate(acceptLanguage header: String?) -> Language {
        guard let header else { return .en }
        let ranges = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag.lowercased(), q)
        }
        for (tag, q) in ranges.sorted(by: { $0.1 > $1.1 }) where q > 0 {
            let primary = String(tag.split(separator: "-").first ?? "")
            if let language = Language(rawValue: primary) { return language }
        }
        return .en
    }
}
