import WaymarkCore
import WaymarkStore

/// Runs journeys on the real engine over a temporary in-memory store and a `VirtualClock`:
/// events are sent at their timestamps, and time jumps from timer to timer, so a 30-day journey
/// with thousands of people runs in seconds. What `waymark simulate` and simulation tests use.
public struct Simulation: Sendable {
    /// What a simulation produced.
    public struct Outcome: Sendable {
        /// Every step event, in the order written.
        public var steps: [StepEvent]
        /// Every discard record, in the order written.
        public var discards: [DiscardRecord]
        /// The events that were not accepted (schema errors, unknown events), with why.
        public var rejected: [IngestionResult]
        /// The calls journeys made (actions and fetches), answered by the recording executor.
        public var calls: [ExternalCallRequest]
        /// The instant the virtual clock read at the end.
        public var endedAt: Int64

        /// The paths taken.
        public var summary: SimulationSummary { SimulationSummary(steps: steps, discards: discards) }
    }

    /// The configs: events, data sources, actions and journey versions (run as published with
    /// their status; use `asLive` for drafts).
    public var documents: [ConfigDocument]
    /// The profiles known before the first event.
    public var profiles: [ProfileRecord]
    /// Answers actions and fetches (default: success; fetches answer the field groups' example payloads).
    public var executor: RecordingCallExecutor
    /// The engine's configuration.
    public var configuration: EngineConfiguration

    /// Creates a simulation.
    public init(
        documents: [ConfigDocument], profiles: [ProfileRecord] = [], executor: RecordingCallExecutor = RecordingCallExecutor(),
        configuration: EngineConfiguration = EngineConfiguration(partitionCount: 4)
    ) {
        self.documents = documents
        self.profiles = profiles
        self.executor = executor
        self.configuration = configuration
    }

    /// `journey` as a live version, whatever its status: simulating a draft is the point.
    public static func asLive(_ journey: Journey) -> ConfigDocument {
        var live = journey
        if live.status == .draft || live.status == .draftTest { live.status = .live }
        return .journey(live)
    }

    /// Sends `events` at their timestamps (the clock starts at the first) and runs until no
    /// timer is left (or `until`, when given).
    /// - Throws: `EngineError` when a journey cannot run or the engine fails.
    public func run(_ events: [TimedEvent], until limit: Int64? = nil) async throws(EngineError) -> Outcome {
        let store: any WaymarkStore = MemoryStore()
        let clock = VirtualClock(now: events.first?.timestamp ?? 0)
        let engine = Engine(configuration: configuration, store: store, clock: clock, executor: executor)
        do {
            try await store.upsertProfiles(profiles.map { profile in
                var stamped = profile
                stamped.updatedAt = clock.now()
                return stamped
            })
        } catch {
            throw EngineError(.store, "the profiles cannot be stored: \(error)")
        }
        try await engine.publish(documents)
        var rejected: [IngestionResult] = []
        var index = 0
        while index < events.count {
            let instant = events[index].timestamp
            var batch: [[UInt8]] = []
            while index < events.count, events[index].timestamp == instant, batch.count < 1_000 {
                batch.append(events[index].json.serializedBytes())
                index += 1
            }
            try await engine.runUntilIdle(until: instant)
            rejected += await engine.ingest(batch).filter { $0.status == .rejected }
        }
        let report = try await engine.runUntilIdle(until: limit)
        do {
            return Outcome(
                steps: try await Self.all { offset throws(StoreError) in try await store.stepEvents(offset: offset, limit: 10_000) },
                discards: try await Self.all { offset throws(StoreError) in try await store.discards(offset: offset, limit: 10_000) },
                rejected: rejected, calls: executor.calls, endedAt: report.now)
        } catch {
            throw EngineError(.store, "the results cannot be read: \(error)")
        }
    }

    /// Every row of a paged read.
    private static func all<Row>(_ page: (Int) async throws(StoreError) -> [Row]) async throws(StoreError) -> [Row] {
        var rows: [Row] = []
        while true {
            let next = try await page(rows.count)
            if next.isEmpty { return rows }
            rows += next
        }
    }
}
