import Testing
import WaymarkCore
import WaymarkStore

@Suite struct OutboxConformanceTests {
    @Test(arguments: StoreBackend.allCases)
    func rowsComeWhenAvailableEarliestFirstAndCanBePostponed(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit { $0.outbox = [Sample.outbox("late", availableAt: 100), Sample.outbox("early", availableAt: 50)] }
            #expect(try await store.outboxEntries(availableAt: 49, limit: 10).isEmpty)
            #expect(try await store.outboxEntries(availableAt: 60, limit: 10).map(\.id) == ["early"])
            #expect(try await store.outboxEntries(availableAt: 100, limit: 10).map(\.id) == ["early", "late"])
            #expect(try await store.outboxEntries(availableAt: 100, limit: 1).map(\.id) == ["early"])

            try await store.postponeOutbox(ids: ["early", "unknown"], until: 500)
            #expect(try await store.outboxEntries(availableAt: 100, limit: 10).map(\.id) == ["late"])
            let postponed = try await store.outboxEntries(availableAt: 500, limit: 10)
            #expect(postponed.map(\.id) == ["late", "early"])
            #expect(postponed.last?.availableAt == 500)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func completionRemovesTheRowAndDeliversItsResultOnce(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit { $0.outbox = [Sample.outbox("o1", availableAt: 0), Sample.outbox("o2", availableAt: 0)] }
            let completion = OutboxCompletion(outboxID: "o1", result: Sample.event("o1", partition: 3, kind: .actionResult))
            try await store.completeOutbox([completion])
            try await store.completeOutbox([completion])

            #expect(try await store.outboxEntries(availableAt: 0, limit: 10).map(\.id) == ["o2"])
            let results = try await store.inboxEntries(partition: 3, after: 0, limit: 10)
            #expect(results.map(\.eventID) == ["o1"])
            #expect(results.first?.kind == .actionResult)
        }
    }
}
