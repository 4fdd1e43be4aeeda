import Foundation
import NIOConcurrencyHelpers
import PalermoCore

/// Who the audit log names for a change.
struct AuditActor: Sendable, Equatable {
    var name: String
    var role: String
    var state: String

    static let system = AuditActor(name: "system", role: "system", state: "")
    static let commandLine = AuditActor(name: "command line", role: "operator", state: "")
}

/// The changes one write makes, collected while it runs and appended to the log in the same
/// transaction, so that a change and its record land together or not at all.
final class AuditTrail: Sendable {
    struct Change: Sendable {
        var action: String
        var entity: String
        var entityID: String
        var old: String
        var new: String
        var reason: String
    }

    private let changes = NIOLockedValueBox<[Change]>([])

    var recorded: [Change] { changes.withLockedValue { $0 } }

    func record(action: String, entity: String, entityID: String,
                old: [String: String]? = nil, new: [String: String]? = nil, reason: String = "") {
        let change = Change(action: action, entity: entity, entityID: entityID,
                            old: Self.encode(old), new: Self.encode(new), reason: reason)
        changes.withLockedValue { $0.append(change) }
    }

    /// Only the fields that differ, so that an entry reads as old → new.
    func recordUpdate(action: String, entity: String, entityID: String,
                      old: [String: String], new: [String: String], reason: String = "") {
        let changed = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
        guard !changed.isEmpty else { return }
        record(action: action, entity: entity, entityID: entityID,
               old: old.filter { changed.contains($0.key) }, new: new.filter { changed.contains($0.key) }, reason: reason)
    }

    private static func encode(_ fields: [String: String]?) -> String {
        guard let fields else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(fields)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }
}
