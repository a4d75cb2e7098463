import Testing
import WaymarkCore
import WaymarkStore

@Suite struct CommitConformanceTests {
    /// A batch that writes something of every kind, for partition 0.
    private func fullBatch(generation: Int64, consuming sequence: Int64) throws -> PartitionCommit {
        var batch = PartitionCommit(partition: 0, leaseGeneration: generation)
        batch.consumedInbox = [sequence]
        batch.acceptedEventIDs = ["ingested-1"]
        batch.instances = [Sample.instance("i1", timers: [Sample.timer("t1", dueAt: 10_000)])]
        batch.outbox = [Sample.outbox("o1", availableAt: 0)]
        batch.inbox = [Sample.event("jump-1", kind: .internalEvent)]
        batch.stepEvents = [Sample.step("s1"), Sample.step("s2")]
        batch.discards = [DiscardRecord(eventID: "x", reason: .noInterestedJourney, timestamp: 1)]
        batch.profileUpdates = [ProfileFieldUpdate(profile: Sample.profile(1), path: "loyalty.tier", value: .string("gold"))]
        batch.counterIncrements = ["cap:welcome": 2]
        return batch
    }

    @Test(arguments: StoreBackend.allCases)
    func commitWritesEverythingOfABatch(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let generation = try #require(try await store.acquireLease(partition: 0, owner: "node-a", now: 0, expiresAt: 100))
            _ = try await store.appendToInbox([Sample.event("e1")])
            let consumed = try #require(try await store.inboxEntries(partition: 0, after: 0, limit: 1).first)
            try await store.commit([try fullBatch(generation: generation, consuming: consumed.sequence)])

            let pending = try await store.inboxEntries(partition: 0, after: 0, limit: 10)
            #expect(pending.map(\.eventID) == ["jump-1"])
            #expect(try await store.acceptedEventIDs(among: ["ingested-1", "e1"]) == ["ingested-1", "e1"])
            #expect(try await store.instance(id: "i1") == Sample.instance("i1", timers: [Sample.timer("t1", dueAt: 10_000)]))
            #expect(try await store.timerCount() == 1)
            #expect(try await store.nextTimerDue(partitions: [0]) == 10_000)
            #expect(try await store.outboxEntries(availableAt: 0, limit: 10) == [Sample.outbox("o1", availableAt: 0)])
            #expect(try await store.stepEvents(instanceID: "i1") == [Sample.step("s1"), Sample.step("s2")])
            #expect(try await store.discards(offset: 0, limit: 10).map(\.eventID) == ["x"])
            let profile = try #require(try await store.profiles([Sample.profile(1)])[Sample.profile(1)])
            #expect(profile.attributes == (try Sample.json(#"{"loyalty":{"tier":"gold"}}"#)))
            #expect(try await store.counter("cap:welcome") == 2)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func staleLeaseGenerationWritesNothing(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let first = try #require(try await store.acquireLease(partition: 0, owner: "node-a", now: 0, expiresAt: 100))
            let second = try #require(try await store.acquireLease(partition: 0, owner: "node-b", now: 100, expiresAt: 200))
            #expect(second > first)
            _ = try await store.appendToInbox([Sample.event("e1")])
            let consumed = try #require(try await store.inboxEntries(partition: 0, after: 0, limit: 1).first)

            await expectStoreError(.leaseLost) {
                try await store.commit([try fullBatch(generation: first, consuming: consumed.sequence)])
            }
            // A valid batch of another partition in the same commit is not written either.
            var other = PartitionCommit(partition: 1, leaseGeneration: 0)
            other.counterIncrements = ["other": 1]
            await expectStoreError(.leaseLost) {
                try await store.commit([other, try fullBatch(generation: first, consuming: consumed.sequence)])
            }
            try await expectUntouched(store, inbox: [consumed])

            try await store.commit([try fullBatch(generation: second, consuming: consumed.sequence)])
            #expect(try await store.counter("cap:welcome") == 2)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aRefusedRowRollsBackTheWholeCommit(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var setup = PartitionCommit(partition: 0, leaseGeneration: 0)
            setup.instances = [Sample.instance("taken", profile: Sample.profile(9))]
            try await store.commit([setup])
            _ = try await store.appendToInbox([Sample.event("e1")])
            let consumed = try #require(try await store.inboxEntries(partition: 0, after: 0, limit: 1).first)

            var batch = try fullBatch(generation: 0, consuming: consumed.sequence)
            batch.instances.append(Sample.instance("taken", profile: Sample.profile(2)))
            await expectStoreError(.constraint) { try await store.commit([batch]) }
            try await expectUntouched(store, inbox: [consumed])
            #expect(try await store.instance(id: "taken")?.profile == Sample.profile(9))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anOutboxIDIsWrittenOnce(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            batch.outbox = [Sample.outbox("o1", availableAt: 0)]
            try await store.commit([batch])
            await expectStoreError(.constraint) { try await store.commit([batch]) }
            #expect(try await store.outboxEntries(availableAt: 0, limit: 10).count == 1)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func countersAddUp(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            #expect(try await store.counter("never") == 0)
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            batch.counterIncrements = ["a": 2, "b": 1]
            try await store.commit([batch, batch])
            batch.counterIncrements = ["a": -1]
            try await store.commit([batch])
            #expect(try await store.counter("a") == 3)
            #expect(try await store.counter("b") == 2)
        }
    }

    /// Checks that none of `fullBatch`'s writes happened.
    private func expectUntouched(_ store: any WaymarkStore, inbox: [InboxEntry]) async throws {
        #expect(try await store.inboxEntries(partition: 0, after: 0, limit: 10) == inbox)
        #expect(try await store.acceptedEventIDs(among: ["ingested-1"]).isEmpty)
        #expect(try await store.instance(id: "i1") == nil)
        #expect(try await store.timerCount() == 0)
        #expect(try await store.nextTimerDue(partitions: nil) == nil)
        #expect(try await store.outboxEntries(availableAt: .max, limit: 10).isEmpty)
        #expect(try await store.stepEventCount() == 0)
        #expect(try await store.discards(offset: 0, limit: 10).isEmpty)
        #expect(try await store.profiles([Sample.profile(1)]).isEmpty)
        #expect(try await store.counter("cap:welcome") == 0)
        #expect(try await store.counter("other") == 0)
        #expect(try await store.appendToInbox([Sample.event("jump-1", kind: .internalEvent)]) != [.duplicate])
    }
}
