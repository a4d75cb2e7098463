import Foundation
import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkSQLite
import WaymarkStore

/// Ingestion throughput, printed (not asserted): run with `WAYMARK_INGESTION_BENCH=1
/// swift test --filter IngestionBenchmark`. `WAYMARK_INGESTION_BENCH_EVENTS` sets the number of
/// events (default 100,000), sent in batches of 1,000.
@Suite("IngestionBenchmark", .enabled(if: ProcessInfo.processInfo.environment["WAYMARK_INGESTION_BENCH"] == "1"))
struct IngestionBenchmark {
    typealias Support = IngestionTestSupport

    static let count = Int(ProcessInfo.processInfo.environment["WAYMARK_INGESTION_BENCH_EVENTS"] ?? "") ?? 100_000
    static let batchSize = 1_000

    static func events() -> [[UInt8]] {
        (0..<count).map { Support.signupEvent(id: "bench-\($0)", email: "person\($0)@example.com", extra: #", "plan": "pro""#) }
    }

    @Test("events/s through parse, check, match and key alone (no store)")
    func core() throws {
        let catalog = EventCatalog(configuration: Support.configuration)
        let parser = EventParser()
        let now = ZonedDateTime(epochMilliseconds: Support.now)
        let events = Self.events()
        let start = ContinuousClock.now
        var routed = 0
        for bytes in events {
            let event = try parser.parse(bytes, receivedAt: Support.now, makeID: { "x" })
            routed += catalog.classify(event, now: now).routes.count
        }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        #expect(routed == events.count)
        print("ingestion core: \(events.count) events in \(String(format: "%.2f", seconds)) s = \(Int(Double(events.count) / seconds)) events/s")
    }

    @Test("events/s into each store, batches of 1,000", arguments: IngestionStoreKind.allCases)
    func store(kind: IngestionStoreKind) async throws {
        try await kind.withStore { store in
            let ingestion = Support.ingestion(store)
            let events = Self.events()
            let start = ContinuousClock.now
            var accepted = 0
            for batch in stride(from: 0, to: events.count, by: Self.batchSize) {
                let results = await ingestion.ingest(Array(events[batch..<min(events.count, batch + Self.batchSize)]))
                accepted += results.filter { $0.status == .accepted }.count
            }
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            #expect(accepted == events.count)
            print("ingestion into \(kind.rawValue): \(events.count) events in \(String(format: "%.2f", seconds)) s = \(Int(Double(events.count) / seconds)) events/s")
        }
    }
}
