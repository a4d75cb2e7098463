import WaymarkStore

/// Events handed to a partition worker and the caller waiting for their results: finished by
/// the batch that committed them (or failed).
final class Submission: Sendable {
    let events: [SubmittedEvent]
    private let completion = Completion<[InboxAppendResult]>()

    init(events: [SubmittedEvent]) {
        self.events = events
    }

    /// Delivers the results (or the failure) to whoever waits; later calls are ignored.
    func finish(_ result: Result<[InboxAppendResult], StoreError>) {
        completion.finish(result)
    }

    /// The results, when the batch that took these events has committed.
    func results() async throws(StoreError) -> [InboxAppendResult] {
        try await completion.value()
    }
}
