import Synchronization

/// The server's own measurements — requests, ingested events, external calls — kept as
/// Prometheus counters and histograms, written in the text exposition format by `/metrics`.
final class ServerMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let latencyBuckets: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

    /// A histogram of one label set: cumulative bucket counts, the sum and the count.
    struct Histogram: Sendable {
        var buckets = [Int](repeating: 0, count: ServerMetrics.latencyBuckets.count)
        var sum = 0.0
        var count = 0

        mutating func observe(_ seconds: Double) {
            for (index, bound) in ServerMetrics.latencyBuckets.enumerated() where seconds <= bound { buckets[index] += 1 }
            sum += seconds
            count += 1
        }
    }

    private struct State {
        /// Requests by method and status class (`2xx`…).
        var requests: [[String]: Int] = [:]
        var requestSeconds = Histogram()
        /// Ingested events by result status.
        var events: [String: Int] = [:]
        /// External calls by kind and outcome (`ok`, or the error kind).
        var calls: [[String]: Int] = [:]
        /// Call latency by kind.
        var callSeconds: [String: Histogram] = [:]
    }

    private let state = Mutex(State())

    func recordRequest(method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[[method, "\(status / 100)xx"], default: 0] += 1
            state.requestSeconds.observe(seconds)
        }
    }

    func recordEvents(_ counts: [String: Int]) {
        state.withLock { state in state.events.merge(counts, uniquingKeysWith: +) }
    }

    func recordCall(kind: String, outcome: String, seconds: Double) {
        state.withLock { state in
            state.calls[[kind, outcome], default: 0] += 1
            state.callSeconds[kind, default: Histogram()].observe(seconds)
        }
    }

    /// The text exposition of these metrics, then `gauges` (name, help, value) and `counters`
    /// measured elsewhere (the engine's).
    func exposition(counters: [(name: String, help: String, value: Int)], gauges: [(name: String, help: String, value: Int)]) -> String {
        let state = state.withLock { $0 }
        var text = ""
        func header(_ name: String, _ help: String, _ type: String) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        func labels(_ pairs: [(String, String)]) -> String {
            pairs.isEmpty ? "" : "{" + pairs.map { "\($0.0)=\"\(Self.escaped($0.1))\"" }.joined(separator: ",") + "}"
        }
        func histogram(_ name: String, _ pairs: [(String, String)], _ histogram: Histogram) {
            for (bound, count) in zip(Self.latencyBuckets, histogram.buckets) {
                text += "\(name)_bucket\(labels(pairs + [("le", "\(bound)")])) \(count)\n"
            }
            text += "\(name)_bucket\(labels(pairs + [("le", "+Inf")])) \(histogram.count)\n"
            text += "\(name)_sum\(labels(pairs)) \(histogram.sum)\n\(name)_count\(labels(pairs)) \(histogram.count)\n"
        }

        header("waymark_http_requests_total", "HTTP requests answered, by method and status class.", "counter")
        for (key, count) in state.requests.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            text += "waymark_http_requests_total\(labels([("method", key[0]), ("status", key[1])])) \(count)\n"
        }
        header("waymark_http_request_duration_seconds", "Time to answer a request.", "histogram")
        histogram("waymark_http_request_duration_seconds", [], state.requestSeconds)
        header("waymark_events_ingested_total", "Events received by the streaming API, by result.", "counter")
        for (status, count) in state.events.sorted(by: { $0.key < $1.key }) {
            text += "waymark_events_ingested_total\(labels([("status", status)])) \(count)\n"
        }
        header("waymark_calls_total", "External calls (actions, data fetches) made, by kind and outcome.", "counter")
        for (key, count) in state.calls.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            text += "waymark_calls_total\(labels([("kind", key[0]), ("outcome", key[1])])) \(count)\n"
        }
        header("waymark_call_duration_seconds", "Time an external call took, retries included.", "histogram")
        for (kind, calls) in state.callSeconds.sorted(by: { $0.key < $1.key }) {
            histogram("waymark_call_duration_seconds", [("kind", kind)], calls)
        }
        for counter in counters {
            header(counter.name, counter.help, "counter")
            text += "\(counter.name) \(counter.value)\n"
        }
        for gauge in gauges {
            header(gauge.name, gauge.help, "gauge")
            text += "\(gauge.name) \(gauge.value)\n"
        }
        return text
    }

    /// A label value with `\`, `"` and line breaks escaped.
    private static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
