import Testing
import WaymarkCore
import WaymarkStore

@Suite struct StepEventConformanceTests {
    @Test(arguments: StoreBackend.allCases)
    func stepEventsComeBackWhole(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let events = [Sample.step("s1", detailed: true), Sample.step("s2", status: .ended), Sample.step("s3", status: .instanceTimedout)]
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            batch.stepEvents = events
            try await store.commit([batch])
            #expect(try await store.stepEvents(offset: 0, limit: 10) == events)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func stepEventsAreKeptInOrderAndByInstance(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let events = (0..<7).map { Sample.step("s\($0)", instance: $0 % 2 == 0 ? "even" : "odd") }
            for chunk in [events[0..<3], events[3..<7]] {
                var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
                batch.stepEvents = Array(chunk)
                try await store.commit([batch])
            }
            #expect(try await store.stepEventCount() == 7)
            #expect(try await store.stepEvents(offset: 0, limit: 100) == events)
            #expect(try await store.stepEvents(offset: 2, limit: 3) == Array(events[2..<5]))
            #expect(try await store.stepEvents(offset: 7, limit: 3).isEmpty)
            #expect(try await store.stepEvents(instanceID: "odd") == [events[1], events[3], events[5]])
            #expect(try await store.stepEvents(instanceID: "none").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func stepEventsAreReadAfterACursorInTheOrderWritten(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let events = (0..<9).map { Sample.step("c\($0)", instance: "i\($0 % 3)") }
            for chunk in [events[0..<4], events[4..<5], events[5..<9]] {
                var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
                batch.stepEvents = Array(chunk)
                try await store.commit([batch])
            }
            var cursor: Int64 = 0
            var read: [String] = []
            while true {
                let page = try await store.stepEvents(after: cursor, limit: 2)
                if page.events.isEmpty {
                    #expect(page.cursor == cursor)
                    break
                }
                #expect(page.cursor > cursor)
                read += page.events.map(\.stepID)
                cursor = page.cursor
            }
            #expect(read == events.map(\.stepID), "each once, in order")
            #expect(try await store.stepEvents(after: cursor, limit: 100).events.isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func discardsAreKeptInOrderWithTheirReasons(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let discards = DiscardRecord.Reason.allCases.enumerated().map { index, reason in
                DiscardRecord(
                    eventID: "e\(index)", eventName: index == 0 ? nil : "signup", journeyID: "welcome", journeyVersionID: "welcome-v1",
                    profileID: "p\(index)", profileNamespace: "Email", reason: reason, message: index == 1 ? "too soon" : nil,
                    timestamp: Int64(index))
            }
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            batch.discards = discards
            try await store.commit([batch])
            #expect(try await store.discards(offset: 0, limit: 100) == discards)
            #expect(try await store.discards(offset: 1, limit: 2) == Array(discards[1..<3]))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func parentStepsAndProfilesComeBackAcrossCommits(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var steps = (1...5).map { Sample.step("s\($0)") }
            steps[0].parentStepID = nil
            for index in 1..<4 { steps[index].parentStepID = steps[index - 1].stepID }
            steps[4].parentStepID = "s2"
            steps[2].profileID = "someone-else"
            steps[3].externalKey = "key-4"
            try await store.commit {
                $0.instances = [Sample.instance("i1")]
                $0.stepEvents = Array(steps[0..<3])
            }
            try await store.commit { $0.stepEvents = Array(steps[3...]) }
            #expect(try await store.stepEvents(instanceID: "i1") == steps)
            #expect(try await store.stepEvents(offset: 1, limit: 10) == Array(steps[1...]))
        }
    }
}
