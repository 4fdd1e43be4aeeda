/// Who may create, list and disable user accounts.
public enum UserPolicy {
    /// The Secretariat manages every account; a focal point names its own State's experts and
    /// observers.
    public static func manage(_ p: Principal, role: Role, state: String?) -> Decision {
        if p.isAdministrator { return .allow }
        guard p.role == .focalPoint, let own = p.state else {
            return .deny("only the Secretariat and focal points manage accounts")
        }
        guard state == own else { return .deny("a focal point manages accounts of its own State only") }
        return .allow(if: Role.namedByFocalPoint.contains(role),
                      else: "a focal point names national experts and observers, not \(role.rawValue)s")
    }

    /// Listing accounts: the Secretariat all of them, a focal point those of its State.
    public static func list(_ p: Principal, state: String?) -> Decision {
        if p.isAdministrator { return .allow }
        return .allow(if: p.role == .focalPoint && state != nil && p.state == state,
                      else: "only the Secretariat and the State's focal point list its accounts")
    }
}
