import Fluent
import Foundation
import PalermoCore
import Vapor

/// `GET /api/v1/observations?state=&region=&indicator=&from=&to=&format=csv|sdmx|json`, streamed.
enum ExportController {
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
