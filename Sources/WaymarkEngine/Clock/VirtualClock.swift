import Synchronization

/// A clock whose time moves only when told (`advance(to:)`), for `simulate`, test mode and tests.
///
/// Sleepers are resumed, in deadline order, when the clock is advanced to or past their deadline,
/// so a 30-day journey runs in milliseconds and tests never sleep on the wall clock.
public final class VirtualClock: EngineClock {
    private struct Sleeper {
        var deadline: Int64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Int64
        var nextSleeperID = 0
        var sleepers: [Int: Sleeper] = [:]
    }

    private let state: Mutex<State>

    /// Creates a clock reading `now` (milliseconds since the epoch).
    public init(now: Int64 = 0) {
        state = Mutex(State(now: now))
    }

    /// The current virtual instant.
    public func now() -> Int64 { state.withLock { $0.now } }

    /// The number of tasks sleeping on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Moves time forward to `instant` (never backward) and wakes the sleepers it reaches.
    public func advance(to instant: Int64) {
        let woken: [Sleeper] = state.withLock { state in
            state.now = max(state.now, instant)
            let due = state.sleepers.filter { $0.value.deadline <= state.now }
            for id in due.keys { state.sleepers[id] = nil }
            return due.values.sorted { $0.deadline < $1.deadline }
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }

    /// Moves time forward by `milliseconds`.
    public func advance(by milliseconds: Int64) {
        advance(to: now() + milliseconds)
    }

    /// Suspends until the clock is advanced to `deadline`, or the task is cancelled.
    public func sleep(until deadline: Int64) async throws {
        let id = state.withLock { state in
            defer { state.nextSleeperID += 1 }
            return state.nextSleeperID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: (any Error)?? = state.withLock { state in
                    if Task.isCancelled { return .some(CancellationError()) }
                    if deadline <= state.now { return .some(nil) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return .none
                }
                switch resumeNow {
                case .none: break
                case .some(.none): continuation.resume()
                case .some(.some(let error)): continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }
}
