/// Who may see and act on a State's own space: its officials and its users.
public enum StatePolicy {
    /// A State's public page (names, region, treaty status) is open to everyone.
    public static func readPublicPage(_ p: Principal) -> Decision { .allow }

    /// The State's workspace: what its officials are working on. The Secretariat sees every
    /// State's; a State's officials see their own.
    public static func readWorkspace(_ p: Principal, state: String) -> Decision {
        if p.isAdministrator { return .allow }
        return .allow(if: p.actsFor(state), else: "only officials of \(state) and the Secretariat see its workspace")
    }

    /// Writing a State's data (its team today; its figures and checklists later).
    public static func writeStateData(_ p: Principal, state: String) -> Decision {
        if p.isAdministrator { return .allow }
        guard p.actsFor(state) else { return .deny("only officials of \(state) may change its data") }
        return .allow(if: p.role == .focalPoint || p.role == .nationalExpert,
                      else: "a \(p.role?.rawValue ?? "visitor") may read but not change \(state)'s data")
    }
}
