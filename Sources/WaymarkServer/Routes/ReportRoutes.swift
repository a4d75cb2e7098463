import Foundation
import Hummingbird
import WaymarkCore
import WaymarkEngine
import WaymarkStore

/// `GET /v1/reports/{journeyVersionID}[?from=…&to=…]`: a journey version's live report, read
/// from counters every commit keeps (never from the step events, so it answers at once at any
/// volume). `from` and `to` are ISO 8601 instants or milliseconds since the epoch, rounded to
/// the hour; the default period is the last 24 hours. `inProgress` is over all time.
struct ReportRoutes: Sendable {
    let engine: Engine

    func register(on routes: APIRouter) {
        routes.add(.get, "/v1/reports/{journeyVersionID}", .permission(.readReports)) { request, context, _ in
            try await report(
                journeyVersionID: context.parameters.get("journeyVersionID") ?? "",
                from: request.uri.queryParameters["from"].map(String.init), to: request.uri.queryParameters["to"].map(String.init))
        }
    }

    func report(journeyVersionID: String, from: String?, to: String?) async throws(APIError) -> Response {
        let now = engine.clock.now()
        let toMilliseconds = try to.map { text throws(APIError) in try Self.instant(text, named: "to") } ?? now
        let fromMilliseconds = try from.map { text throws(APIError) in try Self.instant(text, named: "from") } ?? toMilliseconds - 86_400_000
        let fromHour = ReportCounters.hour(of: fromMilliseconds)
        let toHour = ReportCounters.hour(of: toMilliseconds) + 1
        guard fromHour < toHour else { throw .badRequest("from must come before to", code: "ERR_REPORT_PERIOD") }
        let everything = ReportCounters.range(journeyVersionID: journeyVersionID, fromHour: 0, toHour: 9_999_999_999)
        let counters: [String: Int64]
        do {
            counters = try await engine.store.counters(from: everything.lower, to: everything.upper)
        } catch {
            throw .unavailable("the report cannot be read: \(error.message)")
        }
        guard !counters.isEmpty || Self.isPublished(journeyVersionID, in: engine.currentConfiguration) else {
            throw .notFound("no journey version \(journeyVersionID)")
        }
        let period = JourneyReport(journeyVersionID: journeyVersionID, fromHour: fromHour, toHour: toHour, counters: counters)
        let allTime = JourneyReport(journeyVersionID: journeyVersionID, fromHour: 0, toHour: 9_999_999_999, counters: counters)
        let inProgress = allTime.journey[ReportCounters.JourneyMetric.entered, default: 0]
            - allTime.journey[ReportCounters.JourneyMetric.exited, default: 0]
        return JSONResponse.make(.fields([
            "journeyVersionID": .string(journeyVersionID),
            "from": .string(Self.iso(fromHour * 3_600_000)), "to": .string(Self.iso(toHour * 3_600_000)),
            "inProgress": .int(inProgress),
            "journey": Self.metrics(period.journey),
            "nodes": .object(OrderedFields(period.nodes.sorted { $0.key < $1.key }.map { ($0.key, Self.metrics($0.value)) })),
            "series": .array(period.hours.sorted { $0.key < $1.key }.map { hour, values in
                var point = OrderedFields<JSONValue>()
                point["hour"] = .string(Self.iso(hour * 3_600_000))
                for (metric, count) in values.sorted(by: { $0.key < $1.key }) { point[metric] = .int(count) }
                return .object(point)
            }),
        ]))
    }

    /// Metrics as a JSON object, plain ones first; `prefix:reason` ones grouped under `prefix`.
    static func metrics(_ values: [String: Int64]) -> JSONValue {
        var plain = OrderedFields<JSONValue>()
        var grouped: [String: OrderedFields<JSONValue>] = [:]
        for (metric, count) in values.sorted(by: { $0.key < $1.key }) {
            if let colon = metric.firstIndex(of: ":") {
                grouped[String(metric[..<colon]), default: OrderedFields()][String(metric[metric.index(after: colon)...])] = .int(count)
            } else {
                plain[metric] = .int(count)
            }
        }
        for (group, reasons) in grouped.sorted(by: { $0.key < $1.key }) { plain[group] = .object(reasons) }
        return .object(plain)
    }

    static func isPublished(_ journeyVersionID: String, in configuration: Configuration) -> Bool {
        configuration.journeys.contains { $0.runtimeVersionID == journeyVersionID }
    }

    /// An ISO 8601 instant or milliseconds since the epoch.
    static func instant(_ text: String, named name: String) throws(APIError) -> Int64 {
        if let milliseconds = Int64(text) { return milliseconds }
        if let date = try? Date(text, strategy: .iso8601) { return Int64(date.timeIntervalSince1970 * 1_000) }
        throw .badRequest("\(name): an ISO 8601 instant (2026-11-23T08:00:00Z) or milliseconds since the epoch", code: "ERR_REPORT_PERIOD")
    }

    static func iso(_ milliseconds: Int64) -> String {
        Date(timeIntervalSince1970: Double(milliseconds) / 1_000).formatted(.iso8601)
    }
}
