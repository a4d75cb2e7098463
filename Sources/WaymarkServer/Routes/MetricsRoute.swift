import Hummingbird
import NIOCore
import WaymarkEngine
import WaymarkStore

/// `GET /metrics`: Prometheus text exposition — requests, ingested events, external calls and
/// their latencies (the server's), what the engine committed (`EngineMeter`), and the depths of
/// its queues read from the store. Totals only, no names: open like the health checks.
struct MetricsRoute: Sendable {
    let engine: Engine
    let metrics: ServerMetrics

    func register(on routes: APIRouter) {
        routes.add(.get, "/metrics", .open) { _, _, _ in try await exposition() }
    }

    func exposition() async throws(APIError) -> Response {
        let totals = engine.meter.current
        let counters: [(name: String, help: String, value: Int)] = [
            ("waymark_engine_commits_total", "Worker batches committed.", totals.commits),
            ("waymark_engine_inputs_total", "Inputs handled: events, call results, internal events, fired timers.", totals.inputs),
            ("waymark_engine_timers_fired_total", "Timers fired (waits, timeouts).", totals.timersFired),
            ("waymark_engine_steps_total", "Step events written.", totals.steps),
            ("waymark_engine_entrances_total", "People who entered a journey.", totals.entrances),
            ("waymark_engine_exits_total", "Journey instances that ended.", totals.exits),
            ("waymark_engine_calls_queued_total", "External calls queued in the outbox.", totals.callsQueued),
            ("waymark_engine_discards_total", "Events discarded while routing.", totals.discards),
        ]
        let store = engine.store
        let gauges: [(name: String, help: String, value: Int)]
        do {
            gauges = [
                ("waymark_inbox_depth", "Entries waiting in the inbox for their worker.", try await store.inboxDepth()),
                ("waymark_timers", "Timers of active instances.", try await store.timerCount()),
                ("waymark_active_instances", "People in a journey now.", try await store.activeInstanceCount(journeyVersionID: nil)),
            ]
        } catch {
            throw .unavailable("the queue depths cannot be read: \(error.message)")
        }
        let text = metrics.exposition(counters: counters, gauges: gauges)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
