import Testing
import WaymarkCore
import WaymarkStore

@Suite struct AcceptedEventConformanceTests {
    @Test(arguments: StoreBackend.allCases)
    func aCommitRecordsTheEventsItAccepted(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit { $0.acceptedEventIDs = ["e1", "e2"] }
            #expect(try await store.acceptedEventIDs(among: ["e1", "e2", "e3"]) == ["e1", "e2"])
            #expect(try await store.inboxDepth() == 0)
            // The same idempotency as the inbox: the id is taken for events, not for other kinds.
            #expect(try await store.appendToInbox([Sample.event("e1")]) == [.duplicate])
            #expect(try await store.appendToInbox([Sample.event("e2", kind: .internalEvent)]) != [.duplicate])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anEventAcceptedBeforeRefusesTheWholeCommit(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            _ = try await store.appendToInbox([Sample.event("through-inbox")])
            try await store.commit { $0.acceptedEventIDs = ["through-commit"] }

            for repeated in ["through-inbox", "through-commit"] {
                var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
                batch.acceptedEventIDs = ["fresh", repeated]
                batch.instances = [Sample.instance("i1", timers: [Sample.timer("i1/t1", dueAt: 10)])]
                batch.stepEvents = [Sample.step("s1")]
                batch.counterIncrements = ["entrants": 1]
                let error = await expectStoreError(.constraint) { try await store.commit([batch]) }
                #expect(error?.message.contains(repeated) == true, "\(String(describing: error))")
            }
            try await expectNothingOfTheRefusedCommits(store)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func oneEventAcceptedTwiceInAGroupCommitRefusesIt(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var first = PartitionCommit(partition: 0, leaseGeneration: 0)
            first.acceptedEventIDs = ["fresh", "twice"]
            var second = PartitionCommit(partition: 1, leaseGeneration: 0)
            second.acceptedEventIDs = ["twice"]
            second.instances = [Sample.instance("i1", partition: 1, timers: [Sample.timer("i1/t1", dueAt: 10)])]
            await expectStoreError(.constraint) { try await store.commit([first, second]) }
            try await expectNothingOfTheRefusedCommits(store)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func acceptedEventIDsSeesEventsAcceptedEitherWayAndNothingElse(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            _ = try await store.appendToInbox([
                Sample.event("in-inbox"), Sample.event("internal", kind: .internalEvent), Sample.event("result", kind: .actionResult),
            ])
            try await store.commit { $0.acceptedEventIDs = ["in-commit"] }
            let asked = ["in-inbox", "internal", "result", "in-commit", "never", "in-inbox"]
            #expect(try await store.acceptedEventIDs(among: asked) == ["in-inbox", "in-commit"])
            #expect(try await store.acceptedEventIDs(among: []).isEmpty)

            // Consuming the inbox entry keeps its id accepted.
            let entry = try #require(try await store.inboxEntries(partition: 0, after: 0, limit: 1).first)
            try await store.commit { $0.consumedInbox = [entry.sequence] }
            #expect(try await store.acceptedEventIDs(among: ["in-inbox"]) == ["in-inbox"])
        }
    }

    /// Checks that the refused commits of these tests wrote nothing.
    private func expectNothingOfTheRefusedCommits(_ store: any WaymarkStore) async throws {
        #expect(try await store.acceptedEventIDs(among: ["fresh", "twice"]).isEmpty)
        #expect(try await store.instance(id: "i1") == nil)
        #expect(try await store.timerCount() == 0)
        #expect(try await store.stepEventCount() == 0)
        #expect(try await store.counter("entrants") == 0)
    }
}
