import Testing
import WaymarkCore
import WaymarkStore

@Suite struct FailedCallConformanceTests {
    /// A failed call of the outbox row `id` (as `Sample.outbox` writes it).
    private static func failed(_ id: String, at failedAt: Int64, kind: ExternalCallKind = .action) -> FailedCallRecord {
        FailedCallRecord(
            id: id, kind: kind, partition: 0, instanceID: "i1", profile: Sample.profile(1), request: Array(id.utf8),
            errorKind: .http, errorCode: "503", failedAt: failedAt, attempts: 4)
    }

    private static func completion(_ id: String, failed: FailedCallRecord?) -> OutboxCompletion {
        OutboxCompletion(outboxID: id, result: Sample.event(id, kind: .actionResult), failedCall: failed)
    }

    /// Completes the outbox rows `ids`, each a failed call failing at its instant.
    private static func keep(_ calls: [(id: String, at: Int64)], in store: any WaymarkStore) async throws {
        try await store.commit { batch in batch.outbox = calls.map { Sample.outbox($0.id, availableAt: 0) } }
        try await store.completeOutbox(calls.map { completion($0.id, failed: failed($0.id, at: $0.at)) })
    }

    @Test(arguments: StoreBackend.allCases)
    func aFailedCallIsWrittenWithItsCompletion(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit { $0.outbox = [Sample.outbox("o1", availableAt: 0), Sample.outbox("o2", availableAt: 0)] }
            var fetch = Self.failed("o1", at: 2_000, kind: .fetch)
            fetch.errorKind = .timeout
            fetch.errorCode = nil
            fetch.attempts = nil
            try await store.completeOutbox([Self.completion("o1", failed: fetch), Self.completion("o2", failed: nil)])

            #expect(try await store.failedCall(id: "o1") == fetch)
            #expect(try await store.failedCall(id: "o2") == nil)
            #expect(try await store.failedCall(id: "unknown") == nil)
            #expect(try await store.outboxEntries(availableAt: 0, limit: 10).isEmpty)
            #expect(try await store.inboxEntries(partition: 0, after: 0, limit: 10).map(\.eventID) == ["o1", "o2"])

            // Delivered twice (at least once), the call is kept once, as first written.
            try await store.completeOutbox([Self.completion("o1", failed: Self.failed("o1", at: 9_000))])
            #expect(try await store.failedCalls(after: nil, limit: 10) == [fetch])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func failedCallsAreListedByWhenTheyFailedAPageAtATime(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await Self.keep([("c", 300), ("a", 100), ("e", 200), ("b", 300)], in: store)
            try await Self.keep([("d", 50)], in: store)
            #expect(try await store.failedCalls(after: nil, limit: 10).map(\.id) == ["d", "a", "e", "b", "c"])
            #expect(try await store.failedCalls(after: nil, limit: 2).map(\.id) == ["d", "a"])
            #expect(try await store.failedCalls(after: "a", limit: 2).map(\.id) == ["e", "b"])
            #expect(try await store.failedCalls(after: "b", limit: 2).map(\.id) == ["c"])
            #expect(try await store.failedCalls(after: "c", limit: 2).isEmpty)
            #expect(try await store.failedCalls(after: nil, limit: 0).isEmpty)
            let error = await expectStoreError(.notFound) { _ = try await store.failedCalls(after: "zzz", limit: 2) }
            #expect(error?.message.contains("zzz") == true)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aReplayIsMarkedAndALaterOneReplacesIt(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await Self.keep([("o1", 100), ("o2", 200)], in: store)
            try await store.markReplayed(id: "o1", at: 5_000, status: 502, succeeded: false)
            var expected = Self.failed("o1", at: 100)
            expected.replayedAt = 5_000
            expected.replayStatus = 502
            expected.replaySucceeded = false
            #expect(try await store.failedCall(id: "o1") == expected)

            try await store.markReplayed(id: "o1", at: 6_000, status: nil, succeeded: true)
            expected.replayedAt = 6_000
            expected.replayStatus = nil
            expected.replaySucceeded = true
            #expect(try await store.failedCalls(after: nil, limit: 10) == [expected, Self.failed("o2", at: 200)])

            let error = await expectStoreError(.notFound) {
                try await store.markReplayed(id: "unknown", at: 7_000, status: 200, succeeded: true)
            }
            #expect(error?.message.contains("unknown") == true)
            #expect(try await store.failedCall(id: "unknown") == nil)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anInvalidFailedCallFailsItsWholeCompletion(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.commit { $0.outbox = [Sample.outbox("o1", availableAt: 0), Sample.outbox("o2", availableAt: 0)] }
            var noAttempt = Self.failed("o2", at: 100)
            noAttempt.attempts = 0
            await expectStoreError(.constraint) {
                try await store.completeOutbox([Self.completion("o1", failed: Self.failed("o1", at: 100)), Self.completion("o2", failed: noAttempt)])
            }
            #expect(try await store.outboxEntries(availableAt: 0, limit: 10).map(\.id) == ["o1", "o2"])
            #expect(try await store.inboxEntries(partition: 0, after: 0, limit: 10).isEmpty)
            #expect(try await store.failedCalls(after: nil, limit: 10).isEmpty)

            try await store.completeOutbox([Self.completion("o1", failed: Self.failed("o1", at: 100))])
            await expectStoreError(.constraint) { try await store.markReplayed(id: "o1", at: 200, status: 42, succeeded: false) }
            #expect(try await store.failedCall(id: "o1")?.replayedAt == nil)
        }
    }

    @Test func aRecordIsMadeFromAFailedResultOnly() {
        let row = OutboxRecord(
            id: "o1", partition: 2, instanceID: "i9", profile: Sample.profile(3), kind: "fetch", payload: [1, 2, 3], createdAt: 10,
            availableAt: 10)
        let failure = ExternalCallResult(callID: "o1", status: 500, errorKind: .http, errorCode: "500")
        #expect(
            FailedCallRecord(row: row, result: failure, failedAt: 99, attempts: 4)
                == FailedCallRecord(
                    id: "o1", kind: .fetch, partition: 2, instanceID: "i9", profile: Sample.profile(3), request: [1, 2, 3],
                    errorKind: .http, errorCode: "500", failedAt: 99, attempts: 4))
        #expect(FailedCallRecord(row: row, result: ExternalCallResult(callID: "o1"), failedAt: 99) == nil)
    }
}
