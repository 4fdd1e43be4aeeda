import ConsoleKit
import Foundation
import PalermoCore
import Vapor

/// `palermo import FILE [--format glotip-xlsx|glotip-csv|sdmx-csv] [--dry-run]`: imports a file of
/// observations as the operator (the Secretariat), with a progress line on the terminal.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "the file to import: the GLOTIP workbook (.xlsx) or the same table as CSV")
        var file: String
        @Option(name: "format", help: "glotip-xlsx, glotip-csv or sdmx-csv (detected from the file when not given)")
        var format: String?
        @Flag(name: "dry-run", help: "show what would be added, changed and left unchanged, and write nothing")
        var dryRun: Bool

        init() {}
    }

    var help: String { "Imports observations from a file, in one transaction." }

    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let url = URL(fileURLWithPath: signature.file)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw InvalidInput([.init("file", "\(signature.file) does not exist or cannot be read")])
        }
        let format = try Importer.Format.named(signature.format)
        let started = Date()
        let report = try await Importer.run(
            file: url, fileName: url.lastPathComponent, format: format, options: .init(dryRun: signature.dryRun),
            actor: .commandLine, on: context.application.db, app: context.application,
            progress: { rows in
                FileHandle.standardError.write(Data("\r  \(rows) rows read…".utf8))
            })
        FileHandle.standardError.write(Data("\r".utf8))
        context.console.print(report.summary)
        context.console.print(String(format: "  %.1f s", Date().timeIntervalSince(started)))
        if report.outcome == "refused" { throw Refused(description: "the import was refused; nothing was written") }
    }
}
