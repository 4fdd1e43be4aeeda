import Foundation

/// The dimensions of an observation, as codes in the SDMX manner (`_T` for a total), each with
/// the label the GLOTIP workbook uses for it.
public protocol GlotipCode: RawRepresentable, CaseIterable, Sendable, Codable where RawValue == String {
    var glotipLabel: String { get }
}

extension GlotipCode {
    public init?(glotipLabel label: String) {
        let wanted = label.trimmingCharacters(in: .whitespaces).lowercased()
        guard let found = Self.allCases.first(where: { $0.glotipLabel.lowercased() == wanted }) else { return nil }
        self = found
    }

    /// The code, or the GLOTIP label, in any case: how files name a dimension.
    public init?(codeOrLabel text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let byCode = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(trimmed) == .orderedSame }) {
            self = byCode
        } else {
            self.init(glotipLabel: trimmed)
        }
    }

    public static var labels: String { allCases.map(\.glotipLabel).joined(separator: ", ") }
}

public enum Indicator: String, GlotipCode {
    case detectedVictims = "VICTIMS_DETECTED"
    case formalContact = "PERSONS_FORMAL_CONTACT"
    case prosecuted = "PERSONS_PROSECUTED"
    case convicted = "PERSONS_CONVICTED"
    case offences = "OFFENCES"

    public var glotipLabel: String {
        switch self {
        case .detectedVictims: "Detected trafficking victims"
        case .formalContact: "Persons brought into formal contact"
        case .prosecuted: "Persons prosecuted"
        case .convicted: "Persons convicted"
        case .offences: "Offences of trafficking in persons"
        }
    }
}

public enum Breakdown: String, GlotipCode {
    case total = "_T"
    case exploitation = "EXPLOITATION"
    case citizenship = "CITIZENSHIP"
    case repatriation = "REPATRIATION"

    public var glotipLabel: String {
        switch self {
        case .total: "Total"
        case .exploitation: "by form of exploitation"
        case .citizenship: "by citizenship"
        case .repatriation: "by country of repatriation"
        }
    }

    /// Breakdowns whose categories are countries (flows: citizenship or repatriation → detection).
    public var isByCountry: Bool { self == .citizenship || self == .repatriation }
}

public enum Exploitation: String, GlotipCode {
    case sexual = "SEXUAL"
    case forcedLabour = "FORCED_LABOUR"
    case other = "OTHER"

    public var glotipLabel: String {
        switch self {
        case .sexual: "Sexual exploitation"
        case .forcedLabour: "Forced labour"
        case .other: "Other forms of exploitation"
        }
    }
}

public enum Sex: String, GlotipCode {
    case total = "_T"
    case female = "F"
    case male = "M"
    case other = "OTH"
    case unknown = "UNK"

    public var glotipLabel: String {
        switch self {
        case .total: "Total"
        case .female: "Female"
        case .male: "Male"
        case .other: "Other"
        case .unknown: "Unknown"
        }
    }
}

public enum AgeGroup: String, GlotipCode {
    case total = "_T"
    case adults = "Y_GE18"
    case children = "Y0T17"
    case unknown = "UNK"

    public var glotipLabel: String {
        switch self {
        case .total: "Total"
        case .adults: "18 years or over"
        case .children: "0 to 17 years"
        case .unknown: "Unknown"
        }
    }
}

/// What a citizenship or repatriation category turned out to be.
public enum CategoryKind: String, CaseIterable, Sendable, Codable {
    case country, nationals, foreigners, unknown, abroad, unmapped
}
