import Synchronization
import WaymarkStore

/// Events handed to a partition worker and the caller waiting for their results: finished once,
/// by the batch that committed them (or failed).
final class Submission: Sendable {
    let events: [SubmittedEvent]
    private let state = Mutex<Outcome>(.pending)

    private enum Outcome {
        case pending
        case waiting(CheckedContinuation<Result<[InboxAppendResult], StoreError>, Never>)
        case finished(Result<[InboxAppendResult], StoreError>)
    }

    init(events: [SubmittedEvent]) {
        self.events = events
    }

    /// Delivers the results (or the failure) to whoever waits; later calls are ignored.
    func finish(_ result: Result<[InboxAppendResult], StoreError>) {
        let waiter = state.withLock { state -> CheckedContinuation<Result<[InboxAppendResult], StoreError>, Never>? in
            switch state {
            case .pending:
                state = .finished(result)
                return nil
            case .waiting(let continuation):
                state = .finished(result)
                return continuation
            case .finished:
                return nil
            }
        }
        waiter?.resume(returning: result)
    }

    /// The results, when the batch that took these events has committed.
    func results() async throws(StoreError) -> [InboxAppendResult] {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<[InboxAppendResult], StoreError>, Never>) in
            let ready = state.withLock { state -> Result<[InboxAppendResult], StoreError>? in
                switch state {
                case .pending:
                    state = .waiting(continuation)
                    return nil
                case .finished(let result):
                    return result
                case .waiting:
                    preconditionFailure("one caller waits for a submission")
                }
            }
            if let ready { continuation.resume(returning: ready) }
        }
        return try result.get()
    }
}
