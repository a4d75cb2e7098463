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
    /// How long the row waited in the outbox for a throttling slot before being read, in milliseconds.
    let queuedFor: Int64
}

/// The outbox dispatcher's memory: the rows read and waiting for a slot (a queue per endpoint),
/// the calls in flight, the completions not yet committed. A row is known from its reading until
/// its completion is committed, so it is never called twice at once; calls leave the queues
/// round-robin across endpoints, within the bounds in all and per endpoint.
final class OutboxCalls: Sendable {
    private struct Queue {
        var calls: [OutboxCall] = []
        var head = 0
        var inFlight = 0
        /// When a call of the endpoint last finished or, before any did, when one first started.
        var lastProgress: Int64 = 0
        var waiting: Int { calls.count - head }

        mutating func pop() -> OutboxCall {
            defer {
                head += 1
                if head == calls.count {
                    calls.removeAll(keepingCapacity: true)
                    head = 0
                }
            }
            return calls[head]
        }
    }

    private struct State {
        var known: Set<String> = []
        var queues: [String: Queue] = [:]
        /// Endpoints in the order they are served (round-robin).
        var endpoints: [String] = []
        var nextEndpoint = 0
        var queued = 0
        var inFlight = 0
        var finished: [OutboxCompletion] = []
        /// When the oldest completion not yet committed finished.
        var oldestFinished: Int64?
        /// Rows postponed to the throttling slot they hold: made without asking again.
        var holdingSlots: Set<String> = []
        /// The earliest instant rows were postponed to (busy endpoint, throttling slot).
        var nextPostponed: Int64?
        /// Whether completions are being committed.
        var committing = false
        /// While a read runs: the rows released since it began (its rows may still show them).
        var releasedDuringRead: Set<String>?
    }

    private let state = Mutex(State())
    let limit: Int
    let limitPerEndpoint: Int

    init(limit: Int, limitPerEndpoint: Int) {
        self.limit = limit
        self.limitPerEndpoint = limitPerEndpoint
    }

    /// How many rows are known (queued, in flight, or finished and not committed).
    var knownCount: Int { state.withLock { $0.known.count } }
    /// How many rows wait in the queues.
    var queuedCount: Int { state.withLock { $0.queued } }
    /// How many queued calls could start once slots free up in all: those of endpoints below
    /// their bound. (An endpoint at its bound may be stuck; its backlog must not stop reading.)
    var startableCount: Int {
        state.withLock { state in
            state.queues.values.reduce(0) { sum, queue in queue.inFlight < limitPerEndpoint ? sum + queue.waiting : sum }
        }
    }
    /// How many calls are in flight.
    var inFlightCount: Int { state.withLock { $0.inFlight } }

    /// Whether the row is known, or was released while the current read ran.
    func isKnown(_ id: String) -> Bool {
        state.withLock { $0.known.contains(id) || $0.releasedDuringRead?.contains(id) == true }
    }

    /// Marks the start of a read of the outbox: rows released from now on stay known to it
    /// (its snapshot may predate their commit) until `endRead()`.
    func beginRead() { state.withLock { $0.releasedDuringRead = [] } }

    /// Marks the end of the read.
    func endRead() { state.withLock { $0.releasedDuringRead = nil } }

    /// Takes the right to commit completions: `false` while a commit runs.
    func beginCommit() -> Bool {
        state.withLock { state in
            guard !state.committing else { return false }
            state.committing = true
            return true
        }
    }

    /// Whether a commit runs.
    var isCommitting: Bool { state.withLock { $0.committing } }

    /// Gives the right to commit back.
    func endCommit() { state.withLock { $0.committing = false } }

    /// Queues a call for its endpoint.
    func enqueue(_ call: OutboxCall) {
        state.withLock { state in
            guard state.known.insert(call.row.id).inserted else { return }
            if state.queues[call.endpoint] == nil { state.endpoints.append(call.endpoint) }
            state.queues[call.endpoint, default: Queue()].calls.append(call)
            state.queued += 1
        }
    }

    /// Records a row completed without a call (unreadable, or its throttling queue is over).
    func completeWithoutCall(_ id: String, completion: OutboxCompletion, now: Int64) {
        state.withLock { state in
            guard state.known.insert(id).inserted else { return }
            state.finished.append(completion)
            state.oldestFinished = state.oldestFinished ?? now
        }
    }

    /// Takes the calls that may start now (at most `most`), round-robin across endpoints, within both bounds.
    func start(now: Int64, most: Int = .max) -> [OutboxCall] {
        state.withLock { state in
            var started: [OutboxCall] = []
            var idleRounds = 0
            while started.count < most, state.inFlight < limit, state.queued > 0, !state.endpoints.isEmpty,
                idleRounds < state.endpoints.count
            {
                if state.nextEndpoint >= state.endpoints.count { state.nextEndpoint = 0 }
                let endpoint = state.endpoints[state.nextEndpoint]
                if var queue = state.queues[endpoint], queue.waiting > 0, queue.inFlight < limitPerEndpoint {
                    started.append(queue.pop())
                    if queue.inFlight == 0 { queue.lastProgress = now }
                    queue.inFlight += 1
                    state.queues[endpoint] = queue
                    state.queued -= 1
                    state.inFlight += 1
                    idleRounds = 0
                } else {
                    idleRounds += 1
                }
                state.nextEndpoint += 1
            }
            return started
        }
    }

    /// Records the end of a call.
    /// - Returns: how many completions wait to be committed, with this one.
    @discardableResult
    func finish(_ completion: OutboxCompletion, endpoint: String, now: Int64) -> Int {
        state.withLock { state in
            state.inFlight -= 1
            state.queues[endpoint]?.inFlight -= 1
            state.queues[endpoint]?.lastProgress = now
            if let queue = state.queues[endpoint], queue.inFlight == 0, queue.waiting == 0 {
                state.queues[endpoint] = nil
                state.endpoints.removeAll { $0 == endpoint }
            }
            state.holdingSlots.remove(completion.outboxID)
            state.finished.append(completion)
            state.oldestFinished = state.oldestFinished ?? now
            return state.finished.count
        }
    }

    /// Takes queued calls out beyond the first `kept` of each stuck endpoint: at its bound, with
    /// no call finished for `stuckAfter` milliseconds (their rows are to be postponed, so the
    /// rows read next are other endpoints').
    func takeOverflow(keeping kept: Int, now: Int64, stuckAfter: Int64) -> [OutboxCall] {
        state.withLock { state in
            var overflow: [OutboxCall] = []
            for (endpoint, var queue) in state.queues
            where queue.inFlight >= limitPerEndpoint && queue.waiting > kept && now - queue.lastProgress >= stuckAfter {
                let extra = queue.calls[(queue.head + kept)...]
                overflow += extra
                queue.calls.removeLast(extra.count)
                state.queues[endpoint] = queue
                state.queued -= extra.count
                for call in extra { state.known.remove(call.row.id) }
            }
            return overflow
        }
    }

    /// Whether the rows to postpone hold their throttling slot.
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

    /// How many completions wait to be committed.
    var finishedCount: Int { state.withLock { $0.finished.count } }

    /// When the oldest completion not yet committed finished, if any.
    var oldestFinished: Int64? { state.withLock { $0.oldestFinished } }

    /// The completions to commit, taken out.
    func takeFinished() -> [OutboxCompletion] {
        state.withLock { state in
            defer {
                state.finished.removeAll(keepingCapacity: true)
                state.oldestFinished = nil
            }
            return state.finished
        }
    }

    /// Forgets committed rows.
    func release(_ completions: [OutboxCompletion]) {
        state.withLock { state in
            for completion in completions {
                state.known.remove(completion.outboxID)
                state.releasedDuringRead?.insert(completion.outboxID)
            }
        }
    }

    /// Puts back completions whose commit failed, to be committed again.
    func restore(_ completions: [OutboxCompletion], now: Int64) {
        state.withLock { state in
            state.finished.insert(contentsOf: completions, at: 0)
            state.oldestFinished = now
        }
    }
}
