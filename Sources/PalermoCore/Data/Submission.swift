/// Where a State's figures for one year stand (DOMAIN.md §2, after DHIS2's approval): an expert
/// drafts, the focal point clears (locking them), the Secretariat accepts (publishing them).
/// Undoing goes back to draft, with a reason.
public enum SubmissionStatus: String, CaseIterable, Codable, Sendable, Comparable {
    case draft, cleared, accepted

    public static func < (a: SubmissionStatus, b: SubmissionStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Locked figures are not changed by a State's officials until reopened.
    public var isLocked: Bool { self != .draft }
}

public enum SubmissionAction: String, CaseIterable, Codable, Sendable {
    case clear, accept, reopen

    /// The status the action leads to.
    public var result: SubmissionStatus {
        switch self {
        case .clear: .cleared
        case .accept: .accepted
        case .reopen: .draft
        }
    }
}

public enum SubmissionPolicy {
    public static func decide(_ action: SubmissionAction, by p: Principal, state: String, current: SubmissionStatus) -> Decision {
        switch action {
        case .clear:
            guard p.role == .focalPoint && p.actsFor(state) || p.isAdministrator else {
                return .deny("only \(state)'s focal point clears its figures")
            }
            return .allow(if: current == .draft, else: "the figures are \(current.rawValue), not draft")
        case .accept:
            guard p.isAdministrator else { return .deny("only the Secretariat accepts figures") }
            return .allow(if: current == .cleared, else: "only cleared figures are accepted; these are \(current.rawValue)")
        case .reopen:
            if p.isAdministrator { return .allow(if: current != .draft, else: "the figures are already draft") }
            guard p.role == .focalPoint && p.actsFor(state) else { return .deny("only the focal point or the Secretariat reopens figures") }
            return .allow(if: current == .cleared, else: "accepted figures are reopened by the Secretariat only")
        }
    }
}
