import Testing
import WaymarkCore
import WaymarkStore

@Suite struct TimerConformanceTests {
    @Test(arguments: StoreBackend.allCases)
    func onlyDueTimersFireIntoTheInboxWithTheirIDs(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let late = Sample.timer("t-300", dueAt: 300, partition: 1)
            try await store.commit { $0.timersToAdd = [Sample.timer("t-200", dueAt: 200, partition: 1), late, Sample.timer("t-100", dueAt: 100)] }
            #expect(try await store.nextTimerDue(partitions: nil) == 100)

            #expect(try await store.fireDueTimers(now: 99, partitions: nil, limit: 10) == 0)
            #expect(try await store.fireDueTimers(now: 200, partitions: nil, limit: 10) == 2)
            #expect(try await store.timerCount() == 1)
            #expect(try await store.nextTimerDue(partitions: nil) == 300)
            #expect(try await store.fireDueTimers(now: 200, partitions: nil, limit: 10) == 0)

            let fired = try await store.inboxEntries(partition: 0, after: 0, limit: 10)
                + store.inboxEntries(partition: 1, after: 0, limit: 10)
            #expect(fired.map(\.eventID).sorted() == ["t-100", "t-200"])
            let entry = try #require(fired.first { $0.eventID == "t-200" })
            #expect(entry.kind == .timer)
            #expect(entry.partition == 1)
            #expect(entry.profile == late.profile)
            #expect(entry.payload == Array("t-200".utf8))
            #expect(entry.receivedAt == 200)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func firingFollowsPartitionsAndLimitEarliestFirst(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit { $0.timersToAdd = (0..<6).map { Sample.timer("t\($0)", dueAt: Int64(100 - $0), partition: $0 % 3) } }
            #expect(try await store.nextTimerDue(partitions: [0]) == 97)
            #expect(try await store.nextTimerDue(partitions: [2, 1]) == 95)
            #expect(try await store.nextTimerDue(partitions: [8]) == nil)

            #expect(try await store.fireDueTimers(now: 1_000, partitions: [1, 2], limit: 2) == 2)
            let fired = try await store.inboxEntries(partition: 1, after: 0, limit: 10)
                + store.inboxEntries(partition: 2, after: 0, limit: 10)
            #expect(Set(fired.map(\.eventID)) == ["t5", "t4"])
            #expect(try await store.inboxEntries(partition: 0, after: 0, limit: 10).isEmpty)
            #expect(try await store.timerCount() == 4)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func cancelledTimersNeverFire(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit { $0.timersToAdd = [Sample.timer("t1", dueAt: 100), Sample.timer("t2", dueAt: 100)] }
            try await store.commit { $0.timersToCancel = ["t1", "unknown"] }
            #expect(try await store.timerCount() == 1)
            #expect(try await store.fireDueTimers(now: 100, partitions: nil, limit: 10) == 1)
            #expect(try await store.inboxEntries(partition: 0, after: 0, limit: 10).map(\.eventID) == ["t2"])
            #expect(try await store.nextTimerDue(partitions: nil) == nil)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func addingATimerAgainReschedulesIt(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit { $0.timersToAdd = [Sample.timer("t1", dueAt: 100)] }
            try await store.commit { $0.timersToAdd = [Sample.timer("t1", dueAt: 500)] }
            #expect(try await store.timerCount() == 1)
            #expect(try await store.nextTimerDue(partitions: nil) == 500)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func timersOfKnownInstancesFireWithTheirProfiles(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit {
                $0.instances = [Sample.instance("i1")]
                $0.timersToAdd = [
                    Sample.timer("own", dueAt: 10, instance: "i1"),
                    Sample.timer("other", dueAt: 20, instance: "i1", profile: Sample.profile(2)),
                ]
            }
            #expect(try await store.fireDueTimers(now: 20, partitions: nil, limit: 10) == 2)
            let fired = try await store.inboxEntries(partition: 0, after: 0, limit: 10)
            #expect(fired.map(\.eventID) == ["own", "other"])
            #expect(fired.map(\.profile) == [Sample.profile(1), Sample.profile(2)])
        }
    }
}
