import Testing
import WaymarkCore
import WaymarkStore

@Suite struct TimerConformanceTests {
    @Test(arguments: StoreBackend.allCases)
    func timersTravelWithTheirInstanceWhichIsDueByTheEarliest(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let first = Sample.instance(
                "i1", timers: [Sample.timer("i1/t1", dueAt: 300), InstanceTimer(id: "i1/g", dueAt: 100, payload: [])])
            let second = Sample.instance("i2", profile: Sample.profile(2), partition: 1, timers: [Sample.timer("i2/t1", dueAt: 200)])
            let idle = Sample.instance("i3", profile: Sample.profile(3))
            try await store.commit { $0.instances = [first, second, idle] }

            #expect(try await store.instance(id: "i1") == first)
            #expect(try await store.instance(id: "i1")?.nextDueAt == 100)
            #expect(try await store.instance(id: "i3")?.timers == [])
            #expect(try await store.timerCount() == 3)
            #expect(try await store.nextTimerDue(partitions: nil) == 100)
            #expect(try await store.nextTimerDue(partitions: [1]) == 200)
            #expect(try await store.nextTimerDue(partitions: [1, 0]) == 100)
            #expect(try await store.nextTimerDue(partitions: [5]) == nil)

            #expect(try await store.dueProfiles(partition: 0, now: 99, limit: 10).isEmpty)
            #expect(try await store.dueProfiles(partition: 0, now: 100, limit: 10) == [Sample.profile(1)])
            #expect(try await store.dueProfiles(partition: 1, now: 1_000, limit: 10) == [Sample.profile(2)])
            #expect(try await store.dueProfiles(partition: 2, now: 1_000, limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func dueProfilesComeEarliestFirstOncePerPersonUpToTheLimit(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit {
                $0.instances = [
                    Sample.waiting("a", profile: Sample.profile(1), dueAt: 50),
                    Sample.waiting("b", profile: Sample.profile(1), dueAt: 10),
                    Sample.waiting("c", profile: Sample.profile(2), dueAt: 30),
                    Sample.waiting("d", profile: Sample.profile(3), dueAt: 20),
                    Sample.waiting("e", profile: Sample.profile(4), dueAt: 500),
                    Sample.waiting("f", profile: Sample.profile(5), partition: 1, dueAt: 5),
                ]
            }
            let due = [Sample.profile(1), Sample.profile(3), Sample.profile(2)]
            #expect(try await store.dueProfiles(partition: 0, now: 100, limit: 10) == due)
            #expect(try await store.dueProfiles(partition: 0, now: 100, limit: 2) == Array(due.prefix(2)))
            #expect(try await store.dueProfiles(partition: 0, now: 100, limit: 0).isEmpty)
            #expect(try await store.dueProfiles(partition: 0, now: 100, limit: -1).isEmpty)
            #expect(try await store.dueProfiles(partition: 0, now: 500, limit: 10) == due + [Sample.profile(4)])
            #expect(try await store.dueProfiles(partition: 1, now: 100, limit: 10) == [Sample.profile(5)])
            // Reading who is due fires nothing: a due timer stays until a commit replaces it.
            #expect(try await store.timerCount() == 6)
            #expect(try await store.dueProfiles(partition: 0, now: 100, limit: 10) == due)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func endedInstancesAreNeitherDueNorCounted(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let ended = Sample.instance("i2", profile: Sample.profile(2), active: false, timers: [Sample.timer("i2/t1", dueAt: 10)])
            try await store.commit { $0.instances = [Sample.waiting("i1", profile: Sample.profile(1), dueAt: 100), ended] }
            #expect(try await store.instance(id: "i2") == ended)
            #expect(try await store.instance(id: "i2")?.nextDueAt == nil)
            #expect(try await store.timerCount() == 1)
            #expect(try await store.nextTimerDue(partitions: nil) == 100)
            #expect(try await store.dueProfiles(partition: 0, now: 1_000, limit: 10) == [Sample.profile(1)])

            var endedNow = Sample.waiting("i1", profile: Sample.profile(1), dueAt: 100)
            endedNow.isActive = false
            try await store.commit { $0.instances = [endedNow] }
            #expect(try await store.timerCount() == 0)
            #expect(try await store.nextTimerDue(partitions: nil) == nil)
            #expect(try await store.dueProfiles(partition: 0, now: 1_000, limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aCommitReplacesAnInstancesTimers(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let timers = [Sample.timer("i1/t1", dueAt: 100), Sample.timer("i1/t2", dueAt: 200)]
            try await store.commit { $0.instances = [Sample.instance("i1", timers: timers)] }
            #expect(try await store.dueProfiles(partition: 0, now: 150, limit: 10) == [Sample.profile(1)])

            let later = [Sample.timer("i1/t2", dueAt: 200), Sample.timer("i1/t3", dueAt: 900)]
            try await store.commit { $0.instances = [Sample.instance("i1", timers: later)] }
            #expect(try await store.instance(id: "i1")?.timers == later)
            #expect(try await store.dueProfiles(partition: 0, now: 150, limit: 10).isEmpty)
            #expect(try await store.nextTimerDue(partitions: [0]) == 200)
            #expect(try await store.timerCount() == 2)

            try await store.commit { $0.instances = [Sample.instance("i1")] }
            #expect(try await store.instance(id: "i1")?.timers == [])
            #expect(try await store.nextTimerDue(partitions: nil) == nil)
            #expect(try await store.timerCount() == 0)
            #expect(try await store.dueProfiles(partition: 0, now: .max, limit: 10).isEmpty)
        }
    }
}
