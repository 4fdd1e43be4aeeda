import Fluent
import Foundation
import PalermoCore
import Vapor

/// `GET /api/v1/observations?state=&region=&indicator=&from=&to=&format=csv|sdmx|json`, streamed.
enum ExportController {
    /// The rules figures are checked against, as data (the entry form's script reads them).
    static func validationRules(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try JSONEncoder().encode(DataEntry.rules)))
    }

    static func observations(_ req: Request) async throws -> Response {
        let filter = try await Exporter.validate(try req.query.decode(Exporter.Filter.self), on: req.db)
        let formatName = req.query[String.self, at: "format"] ?? "json"
        guard let format = Exporter.Format(rawValue: formatName) else {
            throw InvalidInput([.init("format", "must be csv, sdmx or json")])
        }
        let principal = req.principal
        let db = req.db
        var headers = HTTPHeaders()
        headers.contentType = format.mediaType
        if format != .json {
            headers.contentDisposition = .init(.attachment, filename: "palermo-observations\(format == .sdmx ? "-sdmx" : "").csv")
        }
        let body = Response.Body(asyncStream: { writer in
            try await Exporter.write(filter, as: format, for: principal, on: db) { text in
                try await writer.write(.buffer(ByteBuffer(string: text)))
            }
            try await writer.write(.end)
        })
        return Response(status: .ok, headers: headers, body: body)
    }
}

/// `GET /api/v1/categories?kind=unmapped` and `POST /api/v1/categories` (the Secretariat).
enum CategoryController {
    static func list(_ req: Request) async throws -> [CategoryMapping.Usage] {
        try await req.authorize(AuditPolicy.read(req.principal).isAllowed ? .allow : .deny("only the Secretariat reviews categories"),
                                action: "category.list", entity: "category", entityID: "*", isWrite: false)
        let kind = req.query[String.self, at: "kind"]?.nonEmpty
        if let kind, CategoryKind(rawValue: kind) == nil {
            throw InvalidInput([.init("kind", "must be one of \(CategoryKind.allCases.map(\.rawValue).joined(separator: ", "))")])
        }
        return try await CategoryMapping.usage(kind: kind, on: req.db)
    }

    static func map(_ req: Request) async throws -> CategoryMapping.Usage {
        try await CategoryMapping.map(try req.content.decode(CategoryMapping.Mapping.self), on: req)
    }
}
