import ConsoleKit
import Foundation
import PalermoCore
import Vapor

/// `palermo export [--state FRA] [--region Europe] [--indicator …] [--from 2015] [--to 2022]
/// [--format csv|json] [--output FILE]`: what the public sees (accepted figures, small counts as
/// `<5`), or with `--all` everything, as the Secretariat does.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "state", help: "ISO 3166 alpha-3 code") var state: String?
        @Option(name: "region", help: "a region as GLOTIP names it") var region: String?
        @Option(name: "indicator", help: "an indicator code or label") var indicator: String?
        @Option(name: "from", help: "first year") var from: Int?
        @Option(name: "to", help: "last year") var to: Int?
        @Option(name: "format", help: "csv (the GLOTIP table, the default), sdmx (SDMX-CSV 2.0) or json") var format: String?
        @Option(name: "output", help: "file to write (standard output when not given)") var output: String?
        @Flag(name: "all", help: "every figure, drafts and exact small counts included (the Secretariat's view)") var all: Bool
        init() {}
    }

    var help: String { "Exports observations as the GLOTIP table (CSV) or JSON." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        let filter = try await Exporter.validate(.init(state: signature.state, region: signature.region, indicator: signature.indicator,
                                                       from: signature.from, to: signature.to), on: db)
        guard let format = Exporter.Format(rawValue: signature.format ?? "csv") else {
            throw InvalidInput([.init("format", "must be csv, sdmx or json")])
        }
        let out: FileHandle
        if let path = signature.output {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw InvalidInput([.init("output", "\(path) cannot be written")])
            }
            out = handle
        } else {
            out = FileHandle.standardOutput
        }
        defer { if signature.output != nil { try? out.close() } }
        let principal = signature.all ? Principal(userID: nil, role: .administrator, state: nil) : .public
        try await Exporter.write(filter, as: format, for: principal, on: db) { out.write(Data($0.utf8)) }
    }
}
