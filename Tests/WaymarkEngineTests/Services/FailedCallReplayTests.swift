import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkSQLite
import WaymarkStore

/// Calls that fail are kept with their completion; an operator lists them and replays them.
@Suite struct FailedCallReplayTests {
    @Test func failedActionsAreKeptListedAndReplayed() async throws {
        let store: any WaymarkStore = MemoryStore()
        let clock = VirtualClock(now: Examples.event("x", at: "2026-03-01T09:00:00Z", [:]).timestamp)
        let executor = RecordingCallExecutor()
        executor.fail(action: "WelcomeEmail", with: .http, errorCode: "503")
        let engine = Engine(configuration: EngineConfiguration(partitionCount: 2), store: store, clock: clock, executor: executor)
        try await engine.publish(try Examples.configs() + CrashRecoveryTests.welcomeDocuments)
        let events = CrashRecoveryTests.signups(3).map { $0.json.serializedBytes() }
        #expect(await engine.ingest(events).map(\.status) == [.accepted, .accepted, .accepted])
        try await engine.runUntilIdle()

        let failed = try await engine.failedCalls()
        #expect(failed.count == 3)
        #expect(failed.allSatisfy { $0.errorKind == .http && $0.errorCode == "503" && $0.replayedAt == nil })
        #expect(try await engine.failedCalls(after: failed[0].id, limit: 10).map(\.id) == Array(failed.dropFirst()).map(\.id))

        // The endpoint is back: a replay makes the same request again and records its outcome.
        executor.respond(with: nil)
        let before = executor.callCount
        let replayed = try await engine.replayFailedCall(id: failed[1].id)
        #expect(replayed.errorKind == nil)
        #expect(executor.callCount == before + 1)
        #expect(executor.calls.last?.id == failed[1].id, "same request, same idempotency key")
        let marked = try #require(try await store.failedCall(id: failed[1].id))
        #expect(marked.replayedAt == clock.now())
        #expect(marked.replaySucceeded == true)
        #expect(try await store.failedCall(id: failed[0].id)?.replayedAt == nil)

        let error = await #expect(throws: EngineError.self) { try await engine.replayFailedCall(id: "no-such-call") }
        #expect(error?.code == .notFound)
    }
}
