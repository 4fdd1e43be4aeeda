/// Treaty status is public; only the Secretariat corrects it.
public enum TreatyPolicy {
    public static func read(_ p: Principal) -> Decision { .allow }

    public static func edit(_ p: Principal) -> Decision {
        .allow(if: p.isAdministrator, else: "only the Secretariat edits treaty status")
    }
}

/// The audit log is read by the Secretariat only.
public enum AuditPolicy {
    public static func read(_ p: Principal) -> Decision {
        .allow(if: p.isAdministrator, else: "only the Secretariat reads the audit log")
    }
}

/// API tokens: a signed-in person manages their own; the token can never exceed its owner.
public enum TokenPolicy {
    public static func create(_ p: Principal, role: Role, state: String?) -> Decision {
        guard let own = p.role else { return .deny("sign in to create an API token") }
        if p.isAdministrator { return .allow }
        guard state == p.state else { return .deny("a token acts for its owner's State only") }
        return .allow(if: role == own || role == .observer,
                      else: "a token cannot carry a role its owner does not have")
    }
}
