import Foundation
import Prometheus
import Vapor

/// Request counts and durations for Prometheus at /metrics. One registry per application, so
/// that tests, which make many applications in one process, never share counters.
final class PalermoMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    func record(method: String, route: String, status: UInt, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(name: "palermo_http_requests_total", labels: labels).increment()
        registry.makeDurationHistogram(name: "palermo_http_request_duration_seconds",
                                       labels: [("method", method), ("route", route)],
                                       buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10].map { .seconds($0) })
            .record(duration)
    }

    func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

/// Measures each request under its route pattern (not its path, which would let clients create
/// unbounded label values).
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: PalermoMetrics

    func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: req)
        let elapsed = ContinuousClock.now - start
        let route = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        metrics.record(method: req.method.rawValue, route: route, status: response.status.code, duration: elapsed)
        return response
    }
}

enum OperationsController {
    struct Health: Content {
        var status: String
        var database: String
    }

    /// Healthy when the database answers.
    static func health(_ req: Request) async throws -> Response {
        do {
            _ = try await StateRecord.query(on: req.db).count()
            return try await Health(status: "ok", database: "ok").encodeResponse(for: req)
        } catch {
            req.logger.error("health check failed", metadata: ["error": "\(error)"])
            return try await Health(status: "unavailable", database: "unreachable").encodeResponse(status: .serviceUnavailable, for: req)
        }
    }

    static func metrics(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: req.application.metrics.exposition()))
    }

    static func openAPI(_ req: Request) async throws -> Response {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources") else {
            throw Abort(.internalServerError)
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try Data(contentsOf: url)))
    }
}
