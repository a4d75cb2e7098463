import Dispatch
import Logging
import Synchronization
import Testing
import WaymarkCore
@testable import WaymarkEngine
import WaymarkStore

/// The outbox dispatcher: calls never wait for one another, a slow endpoint holds its own slots
/// only, throttled calls wait in their outbox rows.
@Suite struct OutboxDispatcherTests {
    /// An executor whose endpoint is the action's name; calls to `held` endpoints wait until released.
    final class GatedExecutor: ExternalCallExecutor {
        private struct State {
            var held: Set<String>
            var waiting: [CheckedContinuation<Void, Never>] = []
            var started: [String: Int] = [:]
            var slots: [String: Int64] = [:]
        }
        private let state: Mutex<State>

        init(holding held: Set<String> = [], throttling slots: [String: Int64] = [:]) {
            state = Mutex(State(held: held, slots: slots))
        }

        func started(_ endpoint: String) -> Int { state.withLock { $0.started[endpoint, default: 0] } }

        func release() {
            let waiting = state.withLock { state in
                state.held = []
                defer { state.waiting = [] }
                return state.waiting
            }
            for continuation in waiting { continuation.resume() }
        }

        func endpoint(of request: ExternalCallRequest, configuration: Configuration) -> String { request.actionName ?? "" }

        func admission(for request: ExternalCallRequest, configuration: Configuration, now: Int64) -> CallAdmission {
            state.withLock { $0.slots[request.actionName ?? ""] }.map { .at($0) } ?? .now
        }

        func execute(_ request: ExternalCallRequest, configuration: Configuration) async -> ExternalCallResult {
            let endpoint = request.actionName ?? ""
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let hold = state.withLock { state in
                    state.started[endpoint, default: 0] += 1
                    guard state.held.contains(endpoint) else { return false }
                    state.waiting.append(continuation)
                    return true
                }
                if !hold { continuation.resume() }
            }
            return ExternalCallResult(callID: request.id)
        }
    }

    static func row(_ id: String, action: String, createdAt: Int64 = 0) -> OutboxRecord {
        let profile = ProfileKey(namespace: "Email", id: "\(id)@example.com")
        let request = ExternalCallRequest(
            id: id, kind: .action, instanceID: "i-\(id)", journeyID: "j", journeyVersionID: "j-v1", nodeID: "n", profile: profile,
            actionName: action)
        return OutboxRecord(
            id: id, partition: 0, instanceID: "i-\(id)", profile: profile, kind: ExternalCallKind.action.rawValue,
            payload: request.encoded, createdAt: createdAt, availableAt: createdAt)
    }

    static func dispatcher(
        _ store: any WaymarkStore, _ executor: any ExternalCallExecutor, clock: any EngineClock,
        configuration: EngineConfiguration = EngineConfiguration(
            partitionCount: 1, outboxConcurrencyPerEndpoint: 4, busyEndpointDelay: 20, idlePollInterval: 86_400_000)
    ) -> OutboxDispatcher {
        OutboxDispatcher(
            store: store, clock: clock, configuration: configuration, catalog: CatalogHolder(), executor: executor,
            doorbells: Doorbells(partitionCount: configuration.partitionCount), logger: Logger(label: "test"))
    }

    static func commit(_ store: any WaymarkStore, _ rows: [OutboxRecord]) async throws {
        var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
        batch.outbox = rows
        try await store.commit([batch])
    }

    /// Waits until `condition` holds, for 30 s at most (then records a failure).
    static func eventually(
        _ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while try await !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("never happened: \(what)", sourceLocation: sourceLocation)
                return
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// A memory store with `held` rows for the endpoint `"held"` (which the executor holds) first,
    /// then `fast` rows for `"fast"`.
    static func heldThenFast(held: Int, fast: Int) async throws
        -> (store: any WaymarkStore, fast: [OutboxRecord], executor: GatedExecutor)
    {
        let store: any WaymarkStore = MemoryStore()
        let heldRows = (0..<held).map { Self.row("held-\($0)", action: "held") }
        let fastRows = (0..<fast).map { Self.row("fast-\($0)", action: "fast", createdAt: 1) }
        try await Self.commit(store, heldRows + fastRows)
        return (store, fastRows, GatedExecutor(holding: ["held"]))
    }

    /// Runs `body` while `dispatcher` runs as a service.
    static func whileRunning(_ dispatcher: OutboxDispatcher, _ body: () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await dispatcher.run() }
            try await body()
            group.cancelAll()
        }
    }

    static func results(_ store: any WaymarkStore) async throws -> Set<String> {
        Set(try await store.inboxEntries(partition: 0, after: 0, limit: 1_000).map(\.eventID))
    }

    /// A task executor running its jobs on one serial queue, which the jobs can recognise.
    final class QueueExecutor: TaskExecutor {
        static let key = DispatchSpecificKey<Bool>()
        let queue = DispatchQueue(label: "test.calls")

        init() { queue.setSpecific(key: Self.key, value: true) }

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    /// Runs calls and counts those that ran on a `QueueExecutor`.
    final class PreferringExecutor: ExternalCallExecutor {
        let preferredExecutors: [any TaskExecutor] = [QueueExecutor()]
        private let counts = Mutex((onPreferred: 0, elsewhere: 0))
        var onPreferred: Int { counts.withLock { $0.onPreferred } }
        var elsewhere: Int { counts.withLock { $0.elsewhere } }

        func execute(_ request: ExternalCallRequest, configuration: Configuration) async -> ExternalCallResult {
            let onQueue = DispatchQueue.getSpecific(key: QueueExecutor.key) == true
            counts.withLock { onQueue ? ($0.onPreferred += 1) : ($0.elsewhere += 1) }
            return ExternalCallResult(callID: request.id)
        }
    }

    @Test func callsRunOnTheExecutorsPreferredExecutors() async throws {
        let store: any WaymarkStore = MemoryStore()
        let rows = (0..<20).map { Self.row("call-\($0)", action: "hook") }
        try await Self.commit(store, rows)
        let executor = PreferringExecutor()
        try await Self.whileRunning(Self.dispatcher(store, executor, clock: SystemClock())) {
            try await Self.eventually("every call completes") { try await Self.results(store) == Set(rows.map(\.id)) }
        }
        #expect(executor.onPreferred == 20)
        #expect(executor.elsewhere == 0)
    }

    @Test func aSlowEndpointHoldsItsOwnSlotsAndOtherCallsGoOn() async throws {
        let (store, fast, executor) = try await Self.heldThenFast(held: 10, fast: 30)
        try await Self.whileRunning(Self.dispatcher(store, executor, clock: SystemClock())) {
            // Every fast call completes while the held ones hang; the held endpoint never has
            // more than its 4 slots.
            try await Self.eventually("every fast call completes") { try await Self.results(store) == Set(fast.map(\.id)) }
            #expect(executor.started("held") == 4)
            #expect(try await store.outboxEntries(availableAt: .max, limit: 100).count == 10)
            executor.release()
            try await Self.eventually("every call completes") { try await Self.results(store).count == 40 }
            #expect(executor.started("held") == 10)
            #expect(try await store.outboxEntries(availableAt: .max, limit: 100).isEmpty)
        }
    }

    @Test func throttledCallsWaitInTheOutboxForTheirSlot() async throws {
        let store: any WaymarkStore = MemoryStore()
        let clock = VirtualClock(now: 1_000)
        try await Self.commit(store, [Self.row("t", action: "throttled", createdAt: 1_000)])
        let executor = GatedExecutor(throttling: ["throttled": 61_000])
        let dispatcher = Self.dispatcher(store, executor, clock: clock)
        #expect(try await dispatcher.dispatchAvailable() == 0)
        let postponed = try await store.outboxEntries(availableAt: .max, limit: 10)
        #expect(postponed.map(\.availableAt) == [61_000], "the row waits for its slot")
        #expect(executor.started("throttled") == 0)
        clock.advance(to: 61_000)
        #expect(try await dispatcher.dispatchAvailable() == 1, "the slot is held: no second admission")
        let entry = try #require(try await store.inboxEntries(partition: 0, after: 0, limit: 10).first)
        let result = try ExternalCallResult(decoding: entry.payload)
        #expect(result.errorKind == nil)
        #expect(result.waitTime == 60_000)
        #expect(result.executionTime >= 60_000)
    }

    @Test func aThrottledCallPastItsQueueLimitFails() async throws {
        let store: any WaymarkStore = MemoryStore()
        try await Self.commit(store, [Self.row("t", action: "throttled", createdAt: 0)])
        let executor = GatedExecutor(throttling: ["throttled": 7 * 3_600_000])
        let dispatcher = Self.dispatcher(store, executor, clock: VirtualClock(now: 10))
        #expect(try await dispatcher.dispatchAvailable() == 1)
        let entry = try #require(try await store.inboxEntries(partition: 0, after: 0, limit: 10).first)
        let result = try ExternalCallResult(decoding: entry.payload)
        #expect(result.errorKind == .timeout)
        #expect(result.errorCode == "throttleQueueLimit")
        #expect(executor.started("throttled") == 0)
    }

    @Test func aStuckEndpointsBacklogStepsAsideForOtherCalls() async throws {
        // Batches of 8 rows, 2 calls per endpoint: 100 rows of a hung endpoint come first in the
        // outbox, far more than the queues keep (4 batches); the 10 calls behind them still run.
        let (store, fast, executor) = try await Self.heldThenFast(held: 100, fast: 10)
        let dispatcher = Self.dispatcher(
            store, executor, clock: SystemClock(),
            configuration: EngineConfiguration(
                partitionCount: 1, outboxBatchSize: 8, outboxConcurrencyPerEndpoint: 2, busyEndpointDelay: 60_000,
                idlePollInterval: 86_400_000))
        try await Self.whileRunning(dispatcher) {
            try await Self.eventually("every fast call completes") { try await Self.results(store) == Set(fast.map(\.id)) }
            #expect(executor.started("held") == 2)
            // The backlog beyond the queues' bound was postponed (by `busyEndpointDelay`), not lost.
            let rows = try await store.outboxEntries(availableAt: .max, limit: 200)
            #expect(rows.count == 100)
            #expect(rows.contains { $0.availableAt > 1 })
            executor.release()
        }
    }
}
