import Synchronization
import WaymarkCore
import WaymarkStore

/// One outbox row on its way to the executor.
struct OutboxCall: Sendable {
    /// The row.
    let row: OutboxRecord
    /// Its request, decoded.
    let request: ExternalCallRequest
    /// Where the call goes (`ExternalCallExecutor.endpoint(of:)`).
    let endpoint: String
    /// The throttling slot the call waits for (milliseconds since the epoch), when not now.
    let slot: Int64?
    /// How long the row waited in the outbox for a throttling slot before being claimed, in milliseconds.
    let queuedFor: Int64
}

/// The outbox rows being called and the completions not yet committed: a row stays here from its
/// claim until its completion is committed, so it is never claimed twice, and the calls in
/// flight per endpoint stay under their bound.
final class OutboxCalls: Sendable {
    private struct State {
        var claimed: Set<String> = []
        var inFlight = 0
        var inFlightByEndpoint: [String: Int] = [:]
        var finished: [OutboxCompletion] = []
        /// Rows postponed to the throttling slot they hold: made without asking again.
        var holdingSlots: Set<String> = []
        /// The earliest instant rows were postponed to (busy endpoint, throttling slot).
        var nextPostponed: Int64?
    }

    private let state = Mutex(State())
    let limit: Int
    let limitPerEndpoint: Int

    init(limit: Int, limitPerEndpoint: Int) {
        self.limit = limit
        self.limitPerEndpoint = limitPerEndpoint
    }

    /// How many rows are claimed and not yet committed.
    var claimedCount: Int { state.withLock { $0.claimed.count } }

    /// Whether the row is claimed (in flight or finished, not committed).
    func isClaimed(_ id: String) -> Bool { state.withLock { $0.claimed.contains(id) } }

    /// Claims a row for a call to `endpoint` when both bounds allow it.
    func claim(_ id: String, endpoint: String) -> Bool {
        state.withLock { state in
            guard state.inFlight < limit, state.inFlightByEndpoint[endpoint, default: 0] < limitPerEndpoint else { return false }
            state.claimed.insert(id)
            state.inFlight += 1
            state.inFlightByEndpoint[endpoint, default: 0] += 1
            return true
        }
    }

    /// Claims a row completed without a call (unreadable, or its throttling queue is over).
    func claimWithoutCall(_ id: String, completion: OutboxCompletion) {
        state.withLock { state in
            state.claimed.insert(id)
            state.finished.append(completion)
        }
    }

    /// Records the end of a call.
    func finish(_ completion: OutboxCompletion, endpoint: String) {
        state.withLock { state in
            state.inFlight -= 1
            state.inFlightByEndpoint[endpoint, default: 1] -= 1
            if state.inFlightByEndpoint[endpoint] == 0 { state.inFlightByEndpoint[endpoint] = nil }
            state.holdingSlots.remove(completion.outboxID)
            state.finished.append(completion)
        }
    }

    /// Whether the row was postponed to a throttling slot it holds.
    func holdsSlot(_ id: String) -> Bool { state.withLock { $0.holdingSlots.contains(id) } }

    /// Remembers rows postponed to the slots they hold.
    func holdSlots(_ ids: [String]) { state.withLock { $0.holdingSlots.formUnion(ids) } }

    /// Remembers that rows were postponed at `now` until `instant`, to look at the outbox again then.
    func notePostponed(until instant: Int64, now: Int64) {
        state.withLock { state in
            if let next = state.nextPostponed, next > now, next <= instant { return }
            state.nextPostponed = instant
        }
    }

    /// The earliest instant after `now` rows were postponed to (forgotten once passed).
    func nextPostponed(after now: Int64) -> Int64? {
        state.withLock { state in
            guard let next = state.nextPostponed, next > now else {
                state.nextPostponed = nil
                return nil
            }
            return next
        }
    }

    /// The completions to commit, taken out.
    func takeFinished() -> [OutboxCompletion] {
        state.withLock { state in
            defer { state.finished.removeAll(keepingCapacity: true) }
            return state.finished
        }
    }

    /// Releases committed rows.
    func release(_ completions: [OutboxCompletion]) {
        state.withLock { state in
            for completion in completions { state.claimed.remove(completion.outboxID) }
        }
    }

    /// Puts back completions whose commit failed, to be committed again.
    func restore(_ completions: [OutboxCompletion]) {
        state.withLock { $0.finished.insert(contentsOf: completions, at: 0) }
    }
}
