import WaymarkCore

extension MemoryStore {
    public func failedCalls(after: String?, limit: Int) throws(StoreError) -> [FailedCallRecord] {
        try read { state throws(StoreError) in try state.failedCalls(after: after, limit: limit) }
    }

    public func failedCall(id: String) throws(StoreError) -> FailedCallRecord? {
        read { $0.failedCalls[id] }
    }

    public func markReplayed(id: String, at replayedAt: Int64, status: Int?, succeeded: Bool) throws(StoreError) {
        try write { state, journal throws(StoreError) in
            try state.markReplayed(id: id, at: replayedAt, status: status, succeeded: succeeded, &journal)
        }
    }
}
