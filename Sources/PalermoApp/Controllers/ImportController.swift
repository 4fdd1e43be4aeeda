import Fluent
import Foundation
import PalermoCore
import Vapor

/// Uploads of observation files: the API takes the raw file as the body, the web a form; both
/// stream to a temporary file and go through the one importer.
enum ImportController {
    static let maxUpload = 512 * 1024 * 1024

    /// `POST /api/v1/imports?fileName=&format=&dryRun=&state=`
    static func apiImport(_ req: Request) async throws -> Response {
        _ = try req.requireSignedIn()
        let state = req.query[String.self, at: "state"]?.nonEmpty?.uppercased() ?? req.principal.state
        let file = try await receive(req.body, limit: maxUpload)
        defer { try? FileManager.default.removeItem(at: file) }
        let report = try await run(file: file, fileName: req.query[String.self, at: "fileName"]?.nonEmpty ?? "upload",
                                   format: req.query[String.self, at: "format"], dryRun: req.query[Bool.self, at: "dryRun"] ?? false,
                                   state: state, on: req)
        return try await report.encodeResponse(status: report.outcome == "refused" ? .unprocessableEntity : .ok, for: req)
    }

    static func apiList(_ req: Request) async throws -> [ImportRecordDTO] {
        try await req.authorize(AuditPolicy.read(req.principal), action: "import.list", entity: "import", entityID: "*", isWrite: false)
        return try await ImportRecord.query(on: req.db).sort(\.$at, .descending).limit(200).all().map(ImportRecordDTO.init)
    }

    /// The web form in a State's workspace (multipart, with the file as `file`).
    static func webImport(_ req: Request) async throws -> Response {
        let state = try await req.stateParameter()
        struct Upload: Content {
            var file: File?
            var dryRun: String?
        }
        let upload = try req.content.decode(Upload.self)
        guard let uploaded = upload.file, uploaded.data.readableBytes > 0 else {
            throw InvalidInput([.init("file", "choose a file to import")])
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("palermo-upload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(buffer: uploaded.data).write(to: file)
        let report = try await run(file: file, fileName: uploaded.filename, format: nil, dryRun: upload.dryRun == "on",
                                   state: state.iso3, on: req)
        var page = ImportReportPage.view(report, state: state, context: req.context)
        page.status = report.outcome == "refused" ? .unprocessableEntity : .ok
        return req.page(page)
    }

    /// An empty file in the GLOTIP shape for one State, with its codes filled in.
    static func template(_ req: Request) async throws -> Response {
        let state = try await req.stateParameter()
        var lines = [GlotipTable.columns.joined(separator: ",")]
        for indicator in Indicator.allCases {
            for sex in [Sex.total, .female, .male] {
                lines.append([state.iso3, CSVField.quoted(state.nameEN), state.region, state.subregion, indicator.glotipLabel, Breakdown.total.glotipLabel,
                              "Total", sex.glotipLabel, AgeGroup.total.glotipLabel, "", "Counts", "", ""].joined(separator: ","))
            }
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "palermo-\(state.iso3.lowercased())-template.csv")
        return Response(status: .ok, headers: headers, body: .init(string: lines.joined(separator: "\r\n") + "\r\n"))
    }

    private static func run(file: URL, fileName: String, format: String?, dryRun: Bool, state: String?,
                            on req: Request) async throws -> ImportReport {
        try await req.authorize(DataPolicy.importFile(req.principal, state: state), action: "data.import", entity: "state",
                                entityID: state ?? "*", isWrite: true)
        let chosen = try Importer.Format.named(format)
        let options = Importer.Options(dryRun: dryRun, submission: DataPolicy.submissionOfImport(by: req.principal),
                                       onlyState: req.principal.isAdministrator ? nil : state)
        return try await Importer.run(file: file, fileName: fileName, format: chosen, options: options,
                                      actor: req.context.auditActor, on: req.db, app: req.application)
    }

    /// Writes a streamed body to a temporary file, refusing it past `limit` bytes.
    private static func receive(_ body: Request.Body, limit: Int) async throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("palermo-upload-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var size = 0
        do {
            for try await var chunk in body {
                size += chunk.readableBytes
                guard size <= limit else { throw Abort(.payloadTooLarge, reason: "the file is larger than \(limit / 1_048_576) MB") }
                if let bytes = chunk.readBytes(length: chunk.readableBytes) { try handle.write(contentsOf: bytes) }
            }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        guard size > 0 else {
            try? FileManager.default.removeItem(at: url)
            throw InvalidInput([.init("body", "is empty: send the file's bytes as the request body")])
        }
        return url
    }
}

struct ImportRecordDTO: Content {
    var id: UUID
    var at: Date
    var actor: String
    var fileName: String
    var sha256: String
    var format: String
    var outcome: String
    var rowsRead: Int
    var added: Int
    var changed: Int
    var unchanged: Int
    var problems: Int

    init(_ r: ImportRecord) {
        id = r.id ?? UUID(); at = r.at; actor = r.actor; fileName = r.fileName; sha256 = r.sha256; format = r.format
        outcome = r.outcome; rowsRead = r.rowsRead; added = r.added; changed = r.changed; unchanged = r.unchanged; problems = r.problems
    }
}
