/// The roles of MISSION.md. "Public" is the absence of a signed-in person, so it is not a role a
/// user account can hold; `Principal.public` stands for it.
public enum Role: String, CaseIterable, Codable, Sendable {
    case administrator
    case focalPoint = "focal-point"
    case nationalExpert = "national-expert"
    case observer
    case practitioner

    /// Roles that act for one State and must name it.
    public var requiresState: Bool {
        switch self {
        case .focalPoint, .nationalExpert: true
        case .administrator, .observer, .practitioner: false
        }
    }

    /// Roles a State's focal point may give to the officials it names (MISSION.md: "national
    /// expert: officials named by the focal point"; observers of a State likewise).
    public static let namedByFocalPoint: [Role] = [.nationalExpert, .observer]
}

/// Who is acting: the signed-in user (or API token) with the role and State it acts for.
public struct Principal: Sendable, Equatable {
    public var userID: String?
    public var role: Role?
    /// ISO 3166 alpha-3 of the State the principal acts for, if any.
    public var state: String?

    public init(userID: String?, role: Role?, state: String?) {
        self.userID = userID
        self.role = role
        self.state = state
    }

    public static let `public` = Principal(userID: nil, role: nil, state: nil)

    public var isSignedIn: Bool { role != nil }
    public var isAdministrator: Bool { role == .administrator }

    /// Whether the principal is an official of the given State (any role scoped to it).
    public func actsFor(_ state: String) -> Bool {
        self.state != nil && self.state == state
    }
}
