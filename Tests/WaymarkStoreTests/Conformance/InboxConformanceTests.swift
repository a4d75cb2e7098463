import Testing
import WaymarkStore

@Suite struct InboxConformanceTests {
    @Test(arguments: StoreBackend.allCases)
    func appendsAcceptEachKindAndEventIDOnce(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let results = try await store.appendToInbox([Sample.event("a"), Sample.event("b"), Sample.event("a")])
            guard case .accepted(let first) = results[0], case .accepted(let second) = results[1] else {
                Issue.record("expected two accepted entries, got \(results)")
                return
            }
            #expect(second > first)
            #expect(results[2] == .duplicate)
            #expect(try await store.appendToInbox([Sample.event("a")]) == [.duplicate])
            let sameIDOtherKind = try await store.appendToInbox([Sample.event("a", kind: .internalEvent)])
            #expect(sameIDOtherKind != [.duplicate])
            #expect(try await store.inboxDepth() == 3)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func repeatedIDsStayDuplicatesAfterConsumption(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            _ = try await store.appendToInbox([Sample.event("a")])
            let entry = try #require(try await store.inboxEntries(partition: 0, after: 0, limit: 10).first)
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            batch.consumedInbox = [entry.sequence]
            try await store.commit([batch])
            #expect(try await store.inboxDepth() == 0)
            #expect(try await store.appendToInbox([Sample.event("a")]) == [.duplicate])
            #expect(try await store.inboxEntries(partition: 0, after: 0, limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func entriesComeBackByPartitionInSequenceOrder(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let entries = (0..<6).map { Sample.event("e\($0)", partition: $0 % 2, receivedAt: Int64(100 + $0)) }
            let results = try await store.appendToInbox(entries)
            let sequences = results.compactMap { result -> Int64? in
                if case .accepted(let sequence) = result { sequence } else { nil }
            }
            #expect(sequences == sequences.sorted() && Set(sequences).count == 6)

            let odd = try await store.inboxEntries(partition: 1, after: 0, limit: 10)
            var expected = [entries[1], entries[3], entries[5]]
            for index in expected.indices { expected[index].sequence = sequences[2 * index + 1] }
            #expect(odd == expected)
            #expect(try await store.inboxEntries(partition: 1, after: sequences[1], limit: 1) == [expected[1]])
            #expect(try await store.inboxEntries(partition: 7, after: 0, limit: 10).isEmpty)
            #expect(try await store.inboxEntries(partition: 1, after: 0, limit: 0).isEmpty)
            #expect(try await store.inboxEntries(partition: 1, after: 0, limit: -1).isEmpty)
            #expect(try await store.inboxDepth() == 6)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func consumingOnlyRemovesTheBatchPartitionsEntries(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            _ = try await store.appendToInbox([Sample.event("a", partition: 0), Sample.event("b", partition: 1)])
            let other = try #require(try await store.inboxEntries(partition: 1, after: 0, limit: 1).first)
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            batch.consumedInbox = [other.sequence, 999_999]
            try await store.commit([batch])
            #expect(try await store.inboxEntries(partition: 1, after: 0, limit: 1) == [other])
            #expect(try await store.inboxDepth() == 2)
        }
    }
}
