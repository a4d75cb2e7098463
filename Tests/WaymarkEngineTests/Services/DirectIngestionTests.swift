import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkStore

/// Events ingested through the engine go straight to their partition worker: routed and
/// committed with their acceptance before `ingest` returns, once per `_id`.
@Suite struct DirectIngestionTests {
    static func engine(store: any WaymarkStore, partitions: Int = 3) async throws -> (Engine, VirtualClock) {
        let clock = VirtualClock(now: Examples.event("x", at: "2026-03-01T09:00:00Z", [:]).timestamp)
        let engine = Engine(
            configuration: EngineConfiguration(partitionCount: partitions, workerBatchSize: 4), store: store, clock: clock,
            executor: RecordingCallExecutor())
        try await engine.publish(try Examples.configs() + CrashRecoveryTests.welcomeDocuments)
        return (engine, clock)
    }

    @Test func anAcceptedEventHasEnteredItsJourneyWhenIngestReturns() async throws {
        let store: any WaymarkStore = MemoryStore()
        let (engine, _) = try await Self.engine(store: store)
        let results = await engine.ingest(CrashRecoveryTests.signups(5).map { $0.json.serializedBytes() })
        #expect(results.map(\.status) == Array(repeating: .accepted, count: 5))
        // Nothing waits in the inbox: the steps up to the wait are committed already.
        #expect(try await store.inboxDepth() == 0)
        #expect(try await store.activeInstanceCount(journeyVersionID: nil) == 5)
        let steps = try await store.stepEvents(offset: 0, limit: 100)
        #expect(Set(steps.filter(\.entrance).map(\.eventID)) == Set((0..<5).map { "e\($0)" }))
        // Each waits with its wait timer and the global timeout, indexed by the earliest.
        #expect(try await store.timerCount() == 10)
        #expect(try await store.acceptedEventIDs(among: ["e0", "e4", "other"]) == ["e0", "e4"])
    }

    @Test func aRepeatedIdIsAcceptedOnceWithinACallAcrossCallsAndConcurrently() async throws {
        let store: any WaymarkStore = MemoryStore()
        let (engine, _) = try await Self.engine(store: store)
        let events = CrashRecoveryTests.signups(8).map { $0.json.serializedBytes() }
        let first = await engine.ingest([events[0], events[1], events[0]])
        #expect(first.map(\.status) == [.accepted, .accepted, .duplicate])
        #expect(await engine.ingest([events[1]]).map(\.status) == [.duplicate])
        // The same events sent by several callers at once: each is accepted by exactly one.
        let statuses = await withTaskGroup(of: [IngestionResult.Status].self) { group in
            for _ in 0..<4 { group.addTask { await engine.ingest(Array(events[2...])).map(\.status) } }
            var all: [[IngestionResult.Status]] = []
            for await statuses in group { all.append(statuses) }
            return all
        }
        for index in 0..<6 {
            #expect(statuses.map { $0[index] }.filter { $0 == .accepted }.count == 1)
        }
        #expect(try await store.activeInstanceCount(journeyVersionID: nil) == 8)
    }

    @Test func aFailedCommitAcceptsNothingAndTheEventCanBeSentAgain() async throws {
        let memory: any WaymarkStore = MemoryStore()
        let store = CrashingStore(memory, failingEvery: 2)  // every second commit fails
        let (engine, _) = try await Self.engine(store: store, partitions: 1)
        let events = CrashRecoveryTests.signups(2).map { $0.json.serializedBytes() }
        #expect(await engine.ingest([events[0]]).map(\.status) == [.accepted])
        let failed = await engine.ingest([events[1]])
        #expect(failed.map(\.status) == [.rejected])
        #expect(failed[0].errors.map(\.code) == [.storeUnavailable])
        #expect(try await memory.stepEvents(offset: 0, limit: 100).allSatisfy { $0.eventID == "e0" })
        #expect(try await memory.acceptedEventIDs(among: ["e0", "e1"]) == ["e0"])
        #expect(await engine.ingest([events[1]]).map(\.status) == [.accepted])
        #expect(try await memory.activeInstanceCount(journeyVersionID: nil) == 2)
    }

    @Test func dueTimersFireFromTheInstancesWhenTheWorkersRun() async throws {
        let store: any WaymarkStore = MemoryStore()
        let (engine, clock) = try await Self.engine(store: store)
        _ = await engine.ingest(CrashRecoveryTests.signups(3).map { $0.json.serializedBytes() })
        let start = clock.now()
        #expect(try await store.nextTimerDue(partitions: nil) == start + 10 * 60_000)
        clock.advance(to: start + 10 * 60_000 - 1)
        #expect(try await engine.drainWorkers().timersFired == 0)
        clock.advance(to: start + 10 * 60_000)
        #expect(try await engine.drainWorkers().timersFired == 3)
        // The wait is over: each waits for its action now, holding only the global timeout.
        #expect(try await store.timerCount() == 3)
        #expect(try await store.outboxEntries(availableAt: .max, limit: 10).count == 3)
    }
}
