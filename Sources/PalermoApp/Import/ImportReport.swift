import Foundation
import PalermoCore
import Vapor

/// What an import did, or would do (dry run), or why it was refused.
struct ImportReport: Content, Sendable {
    struct Unmapped: Content, Sendable {
        var text: String
        var rows: Int
    }

    var importID: UUID?
    var fileName: String
    var sha256: String
    var format: String
    var dryRun: Bool
    /// succeeded, refused or dry-run
    var outcome: String
    var rowsRead = 0
    var added = 0
    var changed = 0
    var unchanged = 0
    /// Removed by SDMX deletions (action D).
    var removed = 0
    /// Identities the file states more than once; each row is kept as its own observation.
    var repeatedKeys = 0
    var censored = 0
    var states: Int = 0
    /// Citizenship and repatriation texts that map to no country or special category.
    var unmapped: [Unmapped] = []
    /// The first problems (at most `ImportReport.problemLimit`), each with row, column, value.
    var problems: [RowProblem] = []
    var problemCount = 0

    static let problemLimit = 1000

    mutating func add(_ new: [RowProblem]) {
        problemCount += new.count
        let room = Self.problemLimit - problems.count
        if room > 0 { problems.append(contentsOf: new.prefix(room)) }
    }

    /// The report as a person reads it on a terminal.
    var summary: String {
        var lines = ["\(fileName) (\(format), sha256 \(sha256.prefix(16))…): \(outcome)",
                     "  rows read \(rowsRead); added \(added), changed \(changed), unchanged \(unchanged)" + (removed > 0 ? ", removed \(removed)" : "")]
        if repeatedKeys > 0 { lines.append("  \(repeatedKeys) rows repeat an identity stated earlier in the file; each kept as its own observation") }
        if censored > 0 { lines.append("  \(censored) censored counts kept as <5") }
        if !unmapped.isEmpty {
            lines.append("  \(unmapped.count) category texts map to no country (kept verbatim, listed for the Secretariat): "
                         + unmapped.prefix(8).map { "\($0.text) (\($0.rows))" }.joined(separator: ", ") + (unmapped.count > 8 ? ", …" : ""))
        }
        if problemCount > 0 {
            lines.append("  \(problemCount) problem(s); nothing was written:")
            lines += problems.map { "    \($0)" }
            if problemCount > problems.count { lines.append("    … and \(problemCount - problems.count) more") }
        }
        return lines.joined(separator: "\n")
    }
}
