import WaymarkCore

extension MemoryState {
    /// The place of a failed call in the list: by when it failed, then by id.
    struct FailedCallKey: Comparable {
        var failedAt: Int64
        var id: String

        static func < (left: FailedCallKey, right: FailedCallKey) -> Bool {
            (left.failedAt, left.id) < (right.failedAt, right.id)
        }
    }

    /// Keeps a failed call; one already kept is left as is (a completion delivered twice).
    mutating func keepFailedCall(_ record: FailedCallRecord, _ journal: inout Journal) throws(StoreError) {
        guard !record.id.isEmpty, record.attempts.map({ $0 >= 1 }) != false else {
            throw StoreError(.constraint, "failed call '\(record.id)': needs an id and at least one attempt")
        }
        guard failedCalls[record.id] == nil else { return }
        set(\.failedCalls, record.id, record, &journal)
        let key = FailedCallKey(failedAt: record.failedAt, id: record.id)
        let index = failedCallOrder.partitioningIndex { $0 > key }
        failedCallOrder.insert(key, at: index)
        journal.record { $0.failedCallOrder.remove(at: index) }
    }

    /// Up to `limit` failed calls after the one with id `after` (see `FailedCallStore`).
    func failedCalls(after: String?, limit: Int) throws(StoreError) -> [FailedCallRecord] {
        var start = 0
        if let after {
            guard let cursor = failedCalls[after] else { throw .noFailedCall(after, "list after") }
            let key = FailedCallKey(failedAt: cursor.failedAt, id: cursor.id)
            start = failedCallOrder.partitioningIndex { $0 > key }
        }
        return failedCallOrder[start...].prefix(max(0, limit)).compactMap { failedCalls[$0.id] }
    }

    /// Records a replay of a failed call (see `FailedCallStore.markReplayed`).
    mutating func markReplayed(id: String, at replayedAt: Int64, status: Int?, succeeded: Bool, _ journal: inout Journal)
        throws(StoreError)
    {
        guard var record = failedCalls[id] else { throw .noFailedCall(id, "mark replayed") }
        if let status, !(100...599).contains(status) {
            throw StoreError(.constraint, "failed call \(id): \(status) is not an HTTP status")
        }
        record.replayedAt = replayedAt
        record.replayStatus = status
        record.replaySucceeded = succeeded
        set(\.failedCalls, id, record, &journal)
    }
}
