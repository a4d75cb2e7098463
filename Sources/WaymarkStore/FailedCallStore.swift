/// Failed external calls kept for operators (dead letters), written with the completion of
/// their outbox row (`OutboxCompletion.failedCall`).
public protocol FailedCallStore: Sendable {
    /// Up to `limit` failed calls, by `failedAt` then id, after the call `after` (from the
    /// first when `nil`): pass the last id of a page to get the next one.
    ///
    /// - Throws: `.notFound` when `after` is not a failed call's id.
    func failedCalls(after: String?, limit: Int) async throws(StoreError) -> [FailedCallRecord]

    /// One failed call; `nil` when there is none with this id.
    func failedCall(id: String) async throws(StoreError) -> FailedCallRecord?

    /// Records that an operator replayed the call: when, the HTTP status when an answer came,
    /// and whether it succeeded. A later replay replaces these.
    ///
    /// - Throws: `.notFound` when there is no failed call with this id.
    func markReplayed(id: String, at replayedAt: Int64, status: Int?, succeeded: Bool) async throws(StoreError)
}

extension StoreError {
    /// The error of a failed call id that is not in the store, while `doing` something with it.
    package static func noFailedCall(_ id: String, _ doing: String) -> StoreError {
        StoreError(.notFound, "no failed call \(id) to \(doing)")
    }
}
