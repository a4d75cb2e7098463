import Testing
import WaymarkCore
import WaymarkStore

/// Every commit keeps the report counters of its step events and discards.
@Suite struct ReportConformanceTests {
    /// A step of person `n` at `node`, in hour `hour`.
    static func step(_ n: Int, node: String, type: String = "action", status: StepStatus = .transitions, hour: Int64 = 10) -> StepEvent {
        var step = Sample.step("s-\(n)-\(node)", instance: "i\(n)", status: status)
        step.nodeID = node
        step.nodeType = type
        step.entrance = false
        step.timestamp = hour * 3_600_000 + 5
        return step
    }

    @Test(arguments: StoreBackend.allCases)
    func commitsCountEntriesEndsNodesActionsAndDiscards(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var entry1 = Self.step(1, node: "start", type: "start")
            entry1.entrance = true
            var entry2 = Self.step(2, node: "start", type: "start", hour: 11)
            entry2.entrance = true
            var called = Self.step(1, node: "call")
            called.actionName = "Hook"
            var failed = Self.step(2, node: "call", status: .error, hour: 11)
            failed.actionName = "Hook"
            failed.actionExecutionError = "http"
            failed.actionExecutionErrorCode = "503"
            failed.instanceEnded = true
            var ended = Self.step(1, node: "end", type: "end", status: .ended)
            ended.instanceEnded = true
            var test = Self.step(3, node: "start", type: "start")
            test.entrance = true
            test.inTest = true
            try await store.commit { $0.stepEvents = [entry1, called, ended, test] }
            try await store.commit { batch in
                batch.stepEvents = [entry2, failed]
                batch.discards = [
                    DiscardRecord(eventID: "d1", journeyID: "welcome", journeyVersionID: "welcome-v1", reason: .reentranceNotAllowed, timestamp: 11 * 3_600_000)
                ]
            }

            let range = ReportCounters.range(journeyVersionID: "welcome-v1", fromHour: 0, toHour: 100)
            let counters = try await store.counters(from: range.lower, to: range.upper)
            let all = JourneyReport(journeyVersionID: "welcome-v1", fromHour: 0, toHour: 100, counters: counters)
            #expect(all.journey == [
                "entered": 2, "exited": 2, "completed": 1, "errors": 1, "discarded:reentranceNotAllowed": 1,
            ])
            #expect(all.nodes["start"] == ["steps": 2, "eventsReceived": 2])
            #expect(all.nodes["call"] == ["steps": 2, "actionsExecuted": 1, "actionsFailed:http:503": 1, "errors": 1])
            #expect(all.nodes["end"] == ["steps": 1])
            #expect(all.hours[10] == ["entered": 1, "exited": 1, "completed": 1])

            let hour11 = JourneyReport(journeyVersionID: "welcome-v1", fromHour: 11, toHour: 12, counters: counters)
            #expect(hour11.journey["entered"] == 1)
            #expect(hour11.nodes["end"] == nil)
            let other = ReportCounters.range(journeyVersionID: "welcome-v2", fromHour: 0, toHour: 100)
            #expect(try await store.counters(from: other.lower, to: other.upper).isEmpty)
        }
    }

    @Test func counterNamesReadBack() {
        let key = ReportCounters.Key(journeyVersionID: "j@1.0", hour: 493_000, nodeID: "a|b", metric: "actionsFailed:http:404")
        #expect(ReportCounters.Key(name: key.name) == key)
        #expect(ReportCounters.Key(name: "other") == nil)
        let range = ReportCounters.range(journeyVersionID: "j@1.0", fromHour: 493_000, toHour: 493_001)
        #expect(key.name >= range.lower && key.name < range.upper)
    }
}
