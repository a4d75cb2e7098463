import Synchronization

/// Wakes a service that waits for work: rung by whoever adds work (new inbox entries, an earlier
/// timer), waited on by the service together with a deadline on its clock.
///
/// A ring with nobody waiting is remembered, so work added between a service's last look and its
/// wait is never missed.
public final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var nextWaiterID = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    /// Creates a doorbell that has not rung.
    public init() {}

    /// Wakes every waiter, or the next one to wait when nobody waits.
    public func ring() {
        let waiters: [CheckedContinuation<Void, Never>] = state.withLock { state in
            if state.waiters.isEmpty {
                state.rung = true
                return []
            }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when the bell rings (or had rung since the last wait) or the task is cancelled.
    public func wait() async {
        let id = state.withLock { state in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.rung || Task.isCancelled {
                        state.rung = false
                        return true
                    }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// Returns when the bell rings, `deadline` is reached on `clock` (`nil`: no deadline), or the
    /// task is cancelled, whichever comes first.
    public func wait(until deadline: Int64?, on clock: any EngineClock) async {
        guard let deadline else { return await wait() }
        if deadline <= clock.now() { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await clock.sleep(until: deadline) }
            group.addTask { await self.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
