import Logging
import ServiceLifecycle
import WaymarkCore
import WaymarkStore

/// Runs committed outbox rows through the `ExternalCallExecutor` and commits their results to
/// the inbox, waking the partition workers that own them. Partition workers never wait on it.
///
/// Running as a service, it never waits for a call before starting the next: it reads rows into
/// a queue per endpoint, each call is its own task, and calls start round-robin across endpoints
/// within the bounds in all (`outboxConcurrency`) and per endpoint
/// (`outboxConcurrencyPerEndpoint`), so a slow endpoint holds its own slots only. Completions
/// are committed in groups (`commitGroup` of them, or after `commitDelay`). The rows of an
/// endpoint stuck at its bound step aside for `busyEndpointDelay` when the queues are full. A
/// throttled call (`CallAdmission.at`) waits for its slot in its outbox row — the durable queue
/// — up to `throttleQueueLimit`, then fails. Calls run on the executor's `preferredExecutors`
/// (its HTTP client's event loops), spread across them.
///
/// A crash before a completion is committed runs the call again (at least once; `request.id`,
/// the idempotency key, lets the receiver drop the duplicate). A call that failed (after its
/// retries, capped, or refused by an open circuit) is kept in the store's failed calls, written
/// with its completion, for an operator to list and replay (`Engine.replayFailedCall`).
package struct OutboxDispatcher: Service {
    let store: any WaymarkStore
    let clock: any EngineClock
    let configuration: EngineConfiguration
    let catalog: CatalogHolder
    let executor: any ExternalCallExecutor
    let doorbells: Doorbells
    let logger: Logger
    let calls: OutboxCalls
    /// A throttling slot this close (milliseconds) is waited for in the call's task, not in the outbox.
    static let nearSlot: Int64 = 250
    /// Completions committed together at most…
    static let commitGroup = 256
    /// …or once the oldest has waited this long (milliseconds).
    static let commitDelay: Int64 = 10
    /// An endpoint at its bound with no call finished for this long (milliseconds) is stuck.
    static let stuckAfter: Int64 = 1_000
    /// The queues hold at most this many batches' worth of rows (`outboxBatchSize`).
    static let queueBound = 4

    package init(
        store: any WaymarkStore, clock: any EngineClock, configuration: EngineConfiguration, catalog: CatalogHolder,
        executor: any ExternalCallExecutor, doorbells: Doorbells, logger: Logger
    ) {
        self.store = store
        self.clock = clock
        self.configuration = configuration
        self.catalog = catalog
        self.executor = executor
        self.doorbells = doorbells
        self.logger = logger
        calls = OutboxCalls(limit: configuration.outboxConcurrency, limitPerEndpoint: configuration.outboxConcurrencyPerEndpoint)
    }

    /// Runs one round and waits for it: reads the available rows, runs their calls (each endpoint
    /// within its bound), commits the completions.
    /// - Returns: how many rows it completed.
    @discardableResult
    package func dispatchAvailable() async throws(StoreError) -> Int {
        try await read(now: clock.now())
        while true {
            let started = calls.start(now: clock.now())
            if started.isEmpty { break }
            await withDiscardingTaskGroup { group in
                for call in started {
                    group.addTask { await perform(call) }
                }
            }
        }
        return try await commitFinished()
    }

    package func run() async throws {
        var lastRead = Int64.min
        let executors = executor.preferredExecutors
        var nextExecutor = 0
        await withDiscardingTaskGroup { group in
            await ServiceLoop.run(
                name: "outbox dispatcher", doorbell: doorbells.outbox, clock: clock, pollInterval: configuration.idlePollInterval,
                logger: logger
            ) {
                let now = clock.now()
                var committing = false
                if let oldest = calls.oldestFinished,
                    oldest + Self.commitDelay <= now || calls.inFlightCount == 0 || calls.finishedCount >= Self.commitGroup,
                    calls.beginCommit()
                {
                    // Beside the loop: reading and starting calls never wait for a commit (its fsync, a checkpoint).
                    committing = true
                    group.addTask { await commitInBackground() }
                }
                // Read more when few calls can start soon, and while the queues hold less than
                // `queueBound` rows (the backlog of a stuck endpoint steps aside once it is seen stuck).
                let lowQueue = calls.startableCount < configuration.outboxBatchSize / 2
                    && calls.queuedCount < Self.queueBound * configuration.outboxBatchSize
                if lowQueue, lastRead + Self.commitDelay <= now || calls.inFlightCount == 0 {
                    try await read(now: now)
                    lastRead = now
                }
                let fullQueues = calls.queuedCount >= configuration.outboxBatchSize
                if fullQueues { try await postponeStuckBacklogs(now: now) }
                let started = calls.start(now: now)
                for call in started {
                    if executors.isEmpty {
                        group.addTask { await runLane(from: call) }
                    } else {
                        group.addTask(executorPreference: executors[nextExecutor % executors.count]) { await runLane(from: call) }
                        nextExecutor &+= 1
                    }
                }
                let deadlines = [
                    // A commit under way rings the doorbell when it ends.
                    calls.nextPostponed(after: now), calls.isCommitting ? nil : calls.oldestFinished.map { $0 + Self.commitDelay },
                    lowQueue ? lastRead + Self.commitDelay : nil, fullQueues ? now + Self.stuckAfter / 4 : nil,
                ]
                return .init(didWork: committing || !started.isEmpty, nextDeadline: deadlines.compactMap { $0 }.min())
            }
        }
        // Shut down: the calls in flight and the last commit have finished; their results are kept.
        do {
            try await commitFinished()
        } catch {
            logger.error("outbox dispatcher could not commit its last results; the calls will run again", metadata: ["error": "\(error)"])
        }
    }

    /// Commits the finished calls (`commitFinished`) holding the right to commit, then wakes the
    /// loop. A failed commit is logged; its completions are committed again after the poll interval.
    private func commitInBackground() async {
        do {
            try await commitFinished()
        } catch {
            logger.error("outbox dispatcher could not commit results; retrying", metadata: ["error": "\(error)"])
            try? await clock.sleep(until: clock.now() + configuration.idlePollInterval)
        }
        calls.endCommit()
        doorbells.outbox.ring()
    }

    /// Runs `call`, then the next queued call its slot allows, and so on, without going back to
    /// the service loop for each; wakes the loop when completions are to be committed (the first
    /// one waiting, or a group's worth), when the queues run low, and when the lane ends.
    private func runLane(from call: OutboxCall) async {
        var next: OutboxCall? = call
        while let current = next {
            await perform(current)
            let waiting = calls.finishedCount
            if waiting == 1 || waiting == Self.commitGroup || calls.queuedCount == configuration.outboxBatchSize / 2 {
                doorbells.outbox.ring()
            }
            next = calls.start(now: clock.now(), most: 1).first
        }
        doorbells.outbox.ring()
    }

    /// Commits the completions of finished calls in one transaction and wakes their workers.
    /// - Returns: how many it committed.
    @discardableResult
    func commitFinished() async throws(StoreError) -> Int {
        let finished = calls.takeFinished()
        guard !finished.isEmpty else { return 0 }
        do {
            try await store.completeOutbox(finished)
        } catch {
            calls.restore(finished, now: clock.now())
            throw error
        }
        calls.release(finished)
        doorbells.ringWorkers(of: finished.map(\.result.partition))
        return finished.count
    }

    /// Reads the available rows not known yet into the queues. Rows whose throttling slot is not
    /// near are postponed to it; unreadable rows and rows past their throttling queue's limit
    /// complete at once with an error.
    func read(now: Int64) async throws(StoreError) {
        calls.beginRead()
        defer { calls.endRead() }
        let rows = try await store.outboxEntries(availableAt: now, limit: calls.knownCount + configuration.outboxBatchSize)
        let configs = catalog.current.configuration
        var throttled: [Int64: [String]] = [:]
        for row in rows where !calls.isKnown(row.id) {
            let request: ExternalCallRequest
            do {
                request = try ExternalCallRequest(decoding: row.payload)
            } catch {
                logger.error("outbox row \(row.id) cannot be read", metadata: ["error": "\(error)"])
                let result = ExternalCallResult(callID: row.id, status: nil, errorKind: .internal, errorCode: "corruptRequest")
                calls.completeWithoutCall(row.id, completion: completion(of: row, result), now: now)
                continue
            }
            let holdsSlot = calls.holdsSlot(row.id)
            var slot: Int64?
            if !holdsSlot, case .at(let instant) = executor.admission(for: request, configuration: configs, now: now), instant > now {
                slot = instant
            }
            if let slot, slot - row.createdAt > configuration.throttleQueueLimit {
                let result = ExternalCallResult(
                    callID: row.id, status: nil, errorKind: .timeout, errorCode: "throttleQueueLimit", waitTime: now - row.createdAt)
                calls.completeWithoutCall(row.id, completion: completion(of: row, result), now: now)
                continue
            }
            if let slot, slot - now > Self.nearSlot || clock is VirtualClock {
                throttled[slot, default: []].append(row.id)
                continue
            }
            let endpoint = executor.endpoint(of: request, configuration: configs)
            let queuedFor = holdsSlot ? max(0, now - row.createdAt) : 0
            calls.enqueue(OutboxCall(row: row, request: request, endpoint: endpoint, slot: slot, queuedFor: queuedFor))
        }
        for (slot, ids) in throttled {
            try await store.postponeOutbox(ids: ids, until: slot)
            calls.holdSlots(ids)
            calls.notePostponed(until: slot, now: now)
        }
    }

    /// Postpones by `busyEndpointDelay` the queued rows of stuck endpoints beyond a bound's worth,
    /// so the rows read next are other endpoints'.
    func postponeStuckBacklogs(now: Int64) async throws(StoreError) {
        let stuck = calls.takeOverflow(keeping: calls.limitPerEndpoint, now: now, stuckAfter: Self.stuckAfter)
        guard !stuck.isEmpty else { return }
        try await store.postponeOutbox(ids: stuck.map(\.row.id), until: now + configuration.busyEndpointDelay)
        calls.notePostponed(until: now + configuration.busyEndpointDelay, now: now)
    }

    /// Runs one call (after its near throttling slot) and records its completion. The time spent
    /// waiting for the slot (in the outbox and here) is the result's `waitTime`, and part of its
    /// `executionTime`.
    func perform(_ call: OutboxCall) async {
        var waited = call.queuedFor
        if let slot = call.slot {
            let asleep = clock.now()
            try? await clock.sleep(until: slot)
            waited += max(0, clock.now() - asleep)
        }
        let started = clock.now()
        var result = await executor.execute(call.request, configuration: catalog.current.configuration)
        if result.executionTime == 0 { result.executionTime = max(0, clock.now() - started) }
        if waited > 0 {
            result.waitTime = waited
            result.executionTime += waited
        }
        calls.finish(completion(of: call.row, result), endpoint: call.endpoint, now: clock.now())
    }

    /// The completion of a row: the inbox entry that carries the call's result back to its
    /// instance and, when the call failed, the failed call kept for operators to list and replay.
    private func completion(of row: OutboxRecord, _ result: ExternalCallResult) -> OutboxCompletion {
        let kind: InboxKind = row.kind == ExternalCallKind.fetch.rawValue ? .fetchResult : .actionResult
        let now = clock.now()
        return OutboxCompletion(
            outboxID: row.id,
            result: InboxEntry(
                partition: row.partition, kind: kind, eventID: row.id, profile: row.profile, payload: result.encoded, receivedAt: now),
            failedCall: FailedCallRecord(row: row, result: result, failedAt: now))
    }
}
