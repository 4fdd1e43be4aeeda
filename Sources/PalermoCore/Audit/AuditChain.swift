import Crypto
import Foundation

/// One entry of the append-only audit log, as it is hashed. The hash of each entry covers the
/// hash of the one before, so changing, inserting or deleting any entry breaks every later link.
public struct AuditRecord: Sendable, Equatable, Codable {
    public var sequence: Int
    public var at: Date
    public var actor: String
    public var role: String
    public var state: String
    public var action: String
    public var entity: String
    public var entityID: String
    public var old: String
    public var new: String
    public var reason: String
    public var previousHash: String
    public var hash: String

    public init(sequence: Int, at: Date, actor: String, role: String, state: String, action: String,
                entity: String, entityID: String, old: String, new: String, reason: String,
                previousHash: String, hash: String = "") {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.role = role
        self.state = state
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.old = old
        self.new = new
        self.reason = reason
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash this entry must carry. Fields are length-prefixed so that no two different
    /// entries serialise alike (`"ab","c"` and `"a","bc"`). Time is whole milliseconds since
    /// 1970, which both databases store exactly.
    public var expectedHash: String {
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        let fields = [String(sequence), String(millis), actor, role, state, action, entity, entityID,
                      old, new, reason, previousHash]
        var bytes = Data()
        for field in fields {
            let utf8 = Data(field.utf8)
            bytes.append(contentsOf: "\(utf8.count):".utf8)
            bytes.append(utf8)
        }
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    public func sealed() -> AuditRecord {
        var copy = self
        copy.hash = expectedHash
        return copy
    }
}

public enum AuditChain {
    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public enum Verdict: Equatable, Sendable {
        case intact(entries: Int)
        /// The first entry at which the chain does not hold, and why.
        case broken(sequence: Int, reason: String)
    }

    /// Walks entries in sequence order. Streams: the caller feeds entries one at a time.
    public struct Verifier: Sendable {
        private var previousHash = AuditChain.genesis
        private var expectedSequence = 1
        private(set) var count = 0
        public private(set) var failure: Verdict?

        public init() {}

        public mutating func check(_ record: AuditRecord) {
            guard failure == nil else { return }
            if record.sequence != expectedSequence {
                failure = .broken(sequence: record.sequence,
                                  reason: "expected entry \(expectedSequence), found \(record.sequence): an entry is missing or out of order")
            } else if record.previousHash != previousHash {
                failure = .broken(sequence: record.sequence, reason: "does not link to the entry before it")
            } else if record.hash != record.expectedHash {
                failure = .broken(sequence: record.sequence, reason: "its content does not match its hash: it was altered")
            }
            previousHash = record.hash
            expectedSequence += 1
            count += 1
        }

        public var verdict: Verdict { failure ?? .intact(entries: count) }
    }

    public static func verify<S: Sequence>(_ records: S) -> Verdict where S.Element == AuditRecord {
        var verifier = Verifier()
        for record in records { verifier.check(record) }
        return verifier.verdict
    }
}
