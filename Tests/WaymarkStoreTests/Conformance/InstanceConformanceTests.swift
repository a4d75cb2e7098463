import Testing
import WaymarkCore
import WaymarkStore

@Suite struct InstanceConformanceTests {
    @Test(arguments: StoreBackend.allCases)
    func instancesRoundTripAndAreFoundByProfile(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let ended = Sample.instance("i1", active: false, state: [])
            let other = Sample.instance("i2", profile: Sample.profile(2))
            let second = Sample.instance("i3", journey: "winback", version: "winback-v2", state: Array(repeating: 7, count: 300))
            try await store.commit { $0.instances = [ended, other, second] }

            #expect(try await store.instance(id: "i3") == second)
            #expect(try await store.instance(id: "nope") == nil)
            let found = try await store.instances(of: [Sample.profile(1), Sample.profile(5)])
            #expect(Set(found) == [ended, second])
            #expect(try await store.instances(of: []).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aPersonsInstancesComeInTheOrderFirstWritten(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let zeta = Sample.instance("i1", journey: "zeta", version: "zeta-v1")
            let alpha = Sample.instance("i2", journey: "alpha", version: "alpha-v1")
            let other = Sample.instance("i3", profile: Sample.profile(2))
            try await store.commit { $0.instances = [zeta, other] }
            try await store.commit { $0.instances = [alpha] }
            var ended = zeta
            ended.isActive = false
            try await store.commit { $0.instances = [ended] }
            let found = try await store.instances(of: [Sample.profile(1), Sample.profile(2), Sample.profile(1)])
            #expect(found == [ended, alpha, other])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anUpdateReplacesTheStateAndCountsFollowActivity(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit { $0.instances = [Sample.instance("i1"), Sample.instance("i2", profile: Sample.profile(2), version: "welcome-v2")] }
            #expect(try await store.activeInstanceCount(journeyVersionID: nil) == 2)
            #expect(try await store.activeInstanceCount(journeyVersionID: "welcome-v2") == 1)

            var moved = Sample.instance("i1", state: [9, 9])
            moved.updatedAt = 3_000
            try await store.commit { $0.instances = [moved] }
            #expect(try await store.instance(id: "i1") == moved)

            try await store.commit { $0.instances = [Sample.instance("i1", active: false, state: [])] }
            #expect(try await store.activeInstanceCount(journeyVersionID: nil) == 1)
            #expect(try await store.activeInstanceCount(journeyVersionID: "welcome-v1") == 0)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func testInstancesAreListedAndClearedWithTheirStepsAndTimers(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var tested = Sample.instance("t1", timers: [Sample.timer("t1/wait", dueAt: 9_000)])
            tested.inTest = true
            var ended = Sample.instance("t2", profile: Sample.profile(2), active: false)
            ended.inTest = true
            try await store.commit { batch in
                batch.instances = [tested, ended, Sample.instance("real", profile: Sample.profile(3))]
                batch.stepEvents = [Sample.step("s1", instance: "t1"), Sample.step("s2", instance: "real"), Sample.step("s3", instance: "t2")]
            }
            #expect(try await store.testInstances(journeyVersionID: "welcome-v1").map(\.instanceID) == ["t1", "t2"])
            #expect(try await store.testInstances(journeyVersionID: "other").isEmpty)

            #expect(try await store.deleteTestInstances(journeyVersionID: "welcome-v1") == 2)
            #expect(try await store.testInstances(journeyVersionID: "welcome-v1").isEmpty)
            #expect(try await store.instance(id: "t1") == nil)
            #expect(try await store.stepEvents(instanceID: "t1").isEmpty)
            #expect(try await store.stepEvents(instanceID: "real").map(\.stepID) == ["s2"], "other people keep their steps")
            #expect(try await store.timerCount() == 0)
            #expect(try await store.activeInstanceCount(journeyVersionID: nil) == 1)
            // The person may enter again.
            try await store.commit { $0.instances = [Sample.instance("t3")] }
            #expect(try await store.activeInstanceCount(journeyVersionID: nil) == 2)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aPersonHoldsOnePlacePerJourneyAcrossVersions(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit { $0.instances = [Sample.instance("i1")] }
            await expectStoreError(.constraint) { try await store.commit { $0.instances = [Sample.instance("i2", version: "welcome-v2")] } }
            #expect(try await store.instance(id: "i2") == nil)
            // Another journey is another place; ending the first frees it.
            try await store.commit { $0.instances = [Sample.instance("i3", journey: "winback", version: "winback-v1")] }
            try await store.commit { $0.instances = [Sample.instance("i1", active: false), Sample.instance("i2", version: "welcome-v2")] }
            #expect(try await store.activeInstanceCount(journeyVersionID: nil) == 2)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anInstanceKeepsItsProfileAndJourneyVersion(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit { $0.instances = [Sample.instance("i1")] }
            await expectStoreError(.constraint) { try await store.commit { $0.instances = [Sample.instance("i1", profile: Sample.profile(2))] } }
            await expectStoreError(.constraint) { try await store.commit { $0.instances = [Sample.instance("i1", version: "welcome-v9")] } }
            #expect(try await store.instance(id: "i1") == Sample.instance("i1"))
        }
    }
}
