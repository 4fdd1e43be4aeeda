/// Who may put figures into the national data repository, and with what standing.
public enum DataPolicy {
    /// The Secretariat imports for any State; a State's focal point and experts for their own.
    public static func importFile(_ p: Principal, state: String?) -> Decision {
        if p.isAdministrator { return .allow }
        guard let state else { return .deny("only the Secretariat imports files that cover several States") }
        return StatePolicy.writeStateData(p, state: state)
    }

    /// What imported figures become: the Secretariat's are accepted (published); a State's own
    /// are drafts until its focal point clears them and the Secretariat accepts them.
    public static func submissionOfImport(by p: Principal) -> String {
        p.isAdministrator ? "accepted" : "draft"
    }
}
