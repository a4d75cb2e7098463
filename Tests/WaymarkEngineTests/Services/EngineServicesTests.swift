import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkStore

/// The engine's services (partition workers, timer service, outbox dispatcher) running on their
/// own on a virtual clock: woken by ingestion, by commits and by the clock, never polling the wall.
@Suite struct EngineServicesTests {
    /// Yields until `condition` holds (the services run concurrently).
    static func eventually(_ condition: () async throws -> Bool) async rethrows {
        while try await !condition() { await Task.yield() }
    }

    @Test func servicesRouteEventsFireTimersAndRunActionsAsTheClockMoves() async throws {
        let store: any WaymarkStore = MemoryStore()
        let start = Examples.event("x", at: "2026-03-01T09:00:00Z", [:]).timestamp
        let clock = VirtualClock(now: start)
        let executor = RecordingCallExecutor()
        let engine = Engine(
            configuration: EngineConfiguration(partitionCount: 2, idlePollInterval: 86_400_000), store: store, clock: clock,
            executor: executor)
        try await engine.publish(try Examples.configs() + CrashRecoveryTests.welcomeDocuments)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in engine.services { group.addTask { try await service.run() } }
            let events = CrashRecoveryTests.signups(3).map { $0.json.serializedBytes() }
            #expect(await engine.ingest(events).map(\.status) == [.accepted, .accepted, .accepted])
            // Routed to the 10-minute wait: each person holds a wait timer and the global one.
            try await Self.eventually { try await store.timerCount() == 6 }
            #expect(executor.callCount == 0)
            clock.advance(to: start + 9 * 60_000)
            #expect(try await store.timerCount() == 6)
            clock.advance(to: start + 10 * 60_000)
            try await Self.eventually { try await store.activeInstanceCount(journeyVersionID: nil) == 0 }
            #expect(executor.callCount == 3)
            #expect(try await store.timerCount() == 0)
            #expect(try await store.stepEventCount() == 12)
            group.cancelAll()
        }
    }
}
