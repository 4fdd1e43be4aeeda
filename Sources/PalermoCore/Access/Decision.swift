/// The answer of a policy. A denial carries why, so that the audit log and the 403 page can say it.
public enum Decision: Equatable, Sendable {
    case allow
    case deny(String)

    public var isAllowed: Bool { self == .allow }

    static func allow(if condition: Bool, else reason: String) -> Decision {
        condition ? .allow : .deny(reason)
    }
}
