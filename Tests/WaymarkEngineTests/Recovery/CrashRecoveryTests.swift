import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkStore

/// Writes that fail half-way (a crash) are redone from the store's state: no accepted event is
/// lost, no step is written twice, every timer fires.
@Suite struct CrashRecoveryTests {
    static let welcomeDocuments: [ConfigDocument] = {
        let journey = """
            {"kind": "journey", "id": "welcome-json", "name": "Welcome", "version": "1.0", "status": "live",
             "namespace": "Email", "properties": {"reentrance": {"allowed": false}},
             "nodes": [
              {"id": "signup", "kind": "event", "label": "Signed up", "position": {"x": 0, "y": 0}, "event": "signup",
               "transitions": [{"kind": "next", "target": "pause"}]},
              {"id": "pause", "kind": "wait", "label": "Wait", "position": {"x": 200, "y": 0},
               "wait": {"type": "duration", "duration": "PT10M"}, "transitions": [{"kind": "next", "target": "mail"}]},
              {"id": "mail", "kind": "action", "label": "Mail", "position": {"x": 400, "y": 0}, "action": "WelcomeEmail",
               "parameters": {"recipient": "@event{signup.email}"}, "transitions": [{"kind": "next", "target": "end"}]},
              {"id": "end", "kind": "end", "label": "End", "position": {"x": 600, "y": 0}}
             ]}
            """
        return [try! ConfigDocument.decode(from: Array(journey.utf8))]
    }()

    static func signups(_ count: Int) -> [TimedEvent] {
        (0..<count).map { index in
            Examples.event("e\(index)", at: "2026-03-01T09:00:\(String(format: "%02d", index % 60))Z", eventID: Examples.signupID, [
                "email": .string("p\(index)@example.com"), "signedUpAt": .string("2026-03-01T09:00:00Z"),
            ])
        }
    }

    @Test(arguments: [2, 3, 7])
    func failedWritesAreRedoneWithoutLossOrDuplicates(failingEvery period: Int) async throws {
        let memory: any WaymarkStore = MemoryStore()
        let store = CrashingStore(memory, failingEvery: period)
        let clock = VirtualClock(now: Examples.event("x", at: "2026-03-01T09:00:00Z", [:]).timestamp)
        let executor = RecordingCallExecutor()
        let engine = Engine(
            configuration: EngineConfiguration(partitionCount: 3, workerBatchSize: 7, timerBatchSize: 5, outboxBatchSize: 4),
            store: store, clock: clock, executor: executor)
        try await engine.publish(try Examples.configs() + Self.welcomeDocuments)
        let events = Self.signups(60)
        // A client sends an event again until it is acknowledged: a failed commit accepted nothing.
        var resent = 0
        for event in events {
            while true {
                let status = await engine.ingest([event.json.serializedBytes()])[0].status
                #expect(status != .discarded)
                if status == .accepted || status == .duplicate { break }
                resent += 1
            }
        }
        #expect(resent > 0)
        // Restart after every failure, as the process would after kill -9, until nothing is left.
        var restarts = 0
        while true {
            do {
                try await engine.runUntilIdle()
                break
            } catch {
                restarts += 1
                #expect(restarts < 1_000)
            }
        }
        #expect(store.failures > 0)
        let steps = try await memory.stepEvents(offset: 0, limit: 10_000)
        #expect(Set(steps.map(\.stepID)).count == steps.count)
        #expect(Set(steps.filter(\.entrance).map(\.eventID)) == Set((0..<60).map { "e\($0)" }))
        let perInstance = Dictionary(grouping: steps, by: \.instanceID)
        #expect(perInstance.count == 60)
        #expect(perInstance.values.allSatisfy { $0.map(\.nodeID) == ["signup", "pause", "mail", "end"] })
        #expect(try await memory.timerCount() == 0)
        #expect(try await memory.activeInstanceCount(journeyVersionID: nil) == 0)
        // Calls run at least once; a call whose completion failed runs again with the same id.
        #expect(Set(executor.calls.map(\.id)).count == 60)
    }
}
