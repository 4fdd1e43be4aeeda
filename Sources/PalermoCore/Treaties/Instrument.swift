/// The Convention and its three Protocols, with their place in the UN Treaty Collection
/// (chapter XVIII) and the year each was adopted by the General Assembly.
public enum Instrument: String, CaseIterable, Codable, Sendable {
    /// United Nations Convention against Transnational Organized Crime (resolution 55/25).
    case untoc = "UNTOC"
    /// Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children.
    case tip = "TIP"
    /// Protocol against the Smuggling of Migrants by Land, Sea and Air.
    case som = "SOM"
    /// Protocol against the Illicit Manufacturing of and Trafficking in Firearms (res. 55/255).
    case firearms = "FIREARMS"

    public var treatyCollectionID: String {
        switch self {
        case .untoc: "XVIII-12"
        case .tip: "XVIII-12-a"
        case .som: "XVIII-12-b"
        case .firearms: "XVIII-12-c"
        }
    }

    public var adoptionYear: Int { self == .firearms ? 2001 : 2000 }

    /// The translation key of the instrument's full title.
    public var titleKey: String { "instrument.\(rawValue.lowercased()).title" }
    public var shortKey: String { "instrument.\(rawValue.lowercased()).short" }

    /// Accepts the code in any case, and the lower-case form used in URLs.
    public init?(code: String) {
        self.init(rawValue: code.uppercased())
    }

    public var slug: String { rawValue.lowercased() }
}

/// How a State expressed its consent to be bound (Vienna Convention on the Law of Treaties,
/// art. 11, and the succession of States).
public enum ConsentKind: String, CaseIterable, Codable, Sendable {
    case ratification, accession, acceptance, approval, succession
}
