import Foundation
import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkSQLite
import WaymarkStore

/// Publishing new statuses and versions while people are inside.
@Suite struct JourneyLifecycleTests {
    static func welcome(version: String, status: JourneyStatus, wait: String = "PT10M") throws -> ConfigDocument {
        guard case .journey(var journey) = CrashRecoveryTests.welcomeDocuments[0] else { throw NotAJourney() }
        journey.version = JourneyVersion(version)!
        journey.status = status
        if let index = journey.nodes.firstIndex(where: { $0.id == "pause" }) {
            journey.nodes[index].activity = .wait(.duration(ISODuration(wait)!))
        }
        return .journey(journey)
    }

    struct NotAJourney: Error {}

    @Test func closedVersionsTakeNobodyNewPeopleInsideFinishAndNewcomersEnterTheNewVersion() async throws {
        let store: any WaymarkStore = MemoryStore()
        let clock = VirtualClock(now: Examples.event("x", at: "2026-03-01T09:00:00Z", [:]).timestamp)
        let engine = Engine(store: store, clock: clock, executor: RecordingCallExecutor())
        try await engine.publish(try Examples.configs() + [try Self.welcome(version: "1.0", status: .live)])
        let events = CrashRecoveryTests.signups(3).map { $0.json.serializedBytes() }
        _ = await engine.ingest([events[0]])
        try await engine.runUntilIdle(until: clock.now() + 60_000)
        // Version 1.1 replaces 1.0, which closes: Ann stays in 1.0, Bob enters 1.1.
        try await engine.publish([
            try Self.welcome(version: "1.0", status: .closed), try Self.welcome(version: "1.1", status: .live, wait: "PT1H"),
        ])
        _ = await engine.ingest([events[1]])
        try await engine.runUntilIdle()
        let steps = try await store.stepEvents(offset: 0, limit: 100)
        let ended = steps.filter { $0.instanceEnded && $0.nodeID == "end" }
        #expect(Dictionary(grouping: ended, by: \.profileID).mapValues { $0.map(\.journeyVersion) } == [
            "p0@example.com": ["1.0"], "p1@example.com": ["1.1"],
        ])
        // Closing the last version: nobody enters any more.
        try await engine.publish([try Self.welcome(version: "1.1", status: .closed)])
        _ = await engine.ingest([events[2]])
        try await engine.runUntilIdle()
        #expect(try await store.stepEvents(offset: 0, limit: 100).count == steps.count)
        let discards = try await store.discards(offset: 0, limit: 10)
        #expect(discards.map(\.profileID) == ["p2@example.com"])
    }

    @Test(arguments: [false, true])
    func stoppingALiveVersionEndsThePeopleInsideAtOnce(onSQLite: Bool) async throws {
        let directory = try IngestionTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store: any WaymarkStore = onSQLite ? try SQLiteStore(directory: directory.path) : MemoryStore()
        let clock = VirtualClock(now: Examples.event("x", at: "2026-03-01T09:00:00Z", [:]).timestamp)
        let engine = Engine(store: store, clock: clock, executor: RecordingCallExecutor())
        let live = try Self.welcome(version: "1.0", status: .live, wait: "P3D")
        guard case .journey(let journey) = live else { throw NotAJourney() }
        try await engine.publish(try Examples.configs() + [live])
        _ = await engine.ingest(CrashRecoveryTests.signups(2).map { $0.json.serializedBytes() })
        try await engine.runUntilIdle(until: clock.now() + 60_000)
        #expect(try await store.activeInstanceCount(journeyVersionID: journey.runtimeVersionID) == 2, "both wait 3 days")

        let stopped = try await engine.changeStatus(journey: journey.id, version: journey.version, to: .stopped)
        #expect(stopped.status == .stopped)
        try await engine.runUntilIdle(until: clock.now())
        #expect(try await store.activeInstanceCount(journeyVersionID: journey.runtimeVersionID) == 0, "left without waiting")
        let ended = try await store.stepEvents(offset: 0, limit: 100).filter(\.instanceEnded)
        #expect(ended.count == 2)
        #expect(ended.allSatisfy { $0.nodeID != "end" })
    }

    @Test func publishingAJourneyThatCannotRunIsRefusedAndSavesNothing() async throws {
        let store: any WaymarkStore = MemoryStore()
        let engine = Engine(store: store, clock: VirtualClock(now: 0), executor: RecordingCallExecutor())
        let broken = try Self.welcome(version: "1.0", status: .live)  // its event config is not published
        await #expect(throws: EngineError.self) { try await engine.publish([broken]) }
        #expect(try await store.configs().isEmpty)
    }
}
