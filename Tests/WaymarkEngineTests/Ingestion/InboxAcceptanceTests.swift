import Foundation
import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkSQLite
import WaymarkStore

/// `EngineConfiguration.acceptance = .inbox`: events are accepted once in the durable inbox
/// (concurrent calls sharing commits) and the workers route them behind.
@Suite struct InboxAcceptanceTests {
    @Test func concurrentCallsAreAcceptedIntoTheInboxOnceEachAndRoutedBehind() async throws {
        let directory = try IngestionTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(directory: directory.path)
        let clock = VirtualClock(now: Examples.event("x", at: "2026-03-01T09:00:00Z", [:]).timestamp)
        let engine = Engine(
            configuration: EngineConfiguration(acceptance: .inbox), store: store, clock: clock, executor: RecordingCallExecutor())
        try await engine.publish(try Examples.configs() + CrashRecoveryTests.welcomeDocuments)
        let events = CrashRecoveryTests.signups(40).map { $0.json.serializedBytes() }
        // Four calls at once; the last one repeats an event of the first.
        let calls = [Array(events[0..<10]), Array(events[10..<20]), Array(events[20..<30]), Array(events[30..<40]) + [events[0]]]
        let results = await withTaskGroup(of: (Int, [IngestionResult]).self) { group in
            for (index, call) in calls.enumerated() { group.addTask { (index, await engine.ingest(call)) } }
            var results: [[IngestionResult]] = Array(repeating: [], count: calls.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
        let statuses = results.flatMap { $0 }.map(\.status)
        #expect(statuses.count { $0 == .accepted } == 40)
        #expect(statuses.count { $0 == .duplicate } == 1)
        // Accepted, not yet routed: in the inbox, nobody has entered.
        #expect(try await store.inboxDepth() == 40)
        #expect(try await store.activeInstanceCount(journeyVersionID: nil) == 0)

        try await engine.runUntilIdle(until: clock.now() + 60_000)
        #expect(try await store.inboxDepth() == 0)
        #expect(try await store.activeInstanceCount(journeyVersionID: nil) == 40, "everyone waits in the journey")
    }
}
