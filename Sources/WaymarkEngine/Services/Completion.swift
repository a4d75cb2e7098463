import Synchronization
import WaymarkStore

/// A result one task delivers and another awaits: finished once (later calls are ignored),
/// awaited by one caller, whichever comes first.
final class Completion<Value: Sendable>: Sendable {
    private let state = Mutex<Outcome>(.pending)

    private enum Outcome {
        case pending
        case waiting(CheckedContinuation<Result<Value, StoreError>, Never>)
        case finished(Result<Value, StoreError>)
    }

    init() {}

    /// Delivers the result to whoever waits, or keeps it for the next `value()`.
    func finish(_ result: Result<Value, StoreError>) {
        let waiter = state.withLock { state -> CheckedContinuation<Result<Value, StoreError>, Never>? in
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

    /// The result, once finished.
    func value() async throws(StoreError) -> Value {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Value, StoreError>, Never>) in
            let ready = state.withLock { state -> Result<Value, StoreError>? in
                switch state {
                case .pending:
                    state = .waiting(continuation)
                    return nil
                case .finished(let result):
                    return result
                case .waiting:
                    preconditionFailure("one caller awaits a completion")
                }
            }
            if let ready { continuation.resume(returning: ready) }
        }
        return try result.get()
    }
}
