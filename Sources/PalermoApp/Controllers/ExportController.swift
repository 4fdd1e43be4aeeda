import Fluent
import Foundation
import PalermoCore
import Vapor

/// `GET /api/v1/observations?state=&region=&indicator=&from=&to=&format=csv|json`, streamed.
enum ExportController {
    static func observations(_ req: Request) async throws -> Response {
        let filter = try await Exporter.validate(try req.query.decode(Exporter.Filter.self), on: req.db)
        let formatName = req.query[String.self, at: "format"] ?? "json"
        guard let format = Exporter.Format(rawValue: formatName) else {
            throw InvalidInput([.init("format", "must be csv or json")])
        }
        let principal = req.principal
        let db = req.db
        var headers = HTTPHeaders()
        switch format {
        case .csv:
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            headers.contentDisposition = .init(.attachment, filename: "palermo-observations.csv")
        case .json:
            headers.contentType = .json
        }
        let body = Response.Body(asyncStream: { writer in
            let states = Dictionary(try await StateRecord.query(on: db).all().map { ($0.iso3, $0) }, uniquingKeysWith: { a, _ in a })
            let encoder = JSONEncoder()
            var first = true
            try await writer.write(.buffer(ByteBuffer(string: format == .csv ? Exporter.csvHeader() : "[")))
            try await Exporter.rows(filter, for: principal, on: db) { rows in
                var text = ""
                for row in rows {
                    switch format {
                    case .csv: text += Exporter.csvLine(row, states: states)
                    case .json:
                        text += (first ? "" : ",") + String(decoding: try encoder.encode(row), as: UTF8.self)
                        first = false
                    }
                }
                try await writer.write(.buffer(ByteBuffer(string: text)))
            }
            if format == .json { try await writer.write(.buffer(ByteBuffer(string: "]"))) }
            try await writer.write(.end)
        })
        return Response(status: .ok, headers: headers, body: body)
    }
}
