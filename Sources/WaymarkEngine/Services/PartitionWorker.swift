import Logging
import ServiceLifecycle
import Synchronization
import WaymarkCore
import WaymarkStore

/// The one serial worker of a partition. A batch takes the events ingestion handed over, the
/// partition's inbox entries (call results, internal events) and the people whose timers are
/// due; loads the batch's people (instances, profiles) in one go; routes every input through the
/// pure state machine; and commits everything the batch changed — with the acceptance of its
/// events — in ONE transaction (shared with the other partitions' batches of the moment, see
/// `GroupCommitter`). It never awaits network I/O.
///
/// Batches of one partition never overlap: whoever finds the worker idle runs batches until no
/// work is left (a submitting ingestion call or the service loop), the others wait for their
/// results (group commit).
package final class PartitionWorker: Service {
    /// The partition it owns.
    package let partition: Int
    private let store: any WaymarkStore
    /// Writes the batches of all partitions, sharing transactions.
    private let committer: GroupCommitter
    private let clock: any EngineClock
    private let configuration: EngineConfiguration
    private let catalog: CatalogHolder
    private let doorbells: Doorbells
    private let random: any RandomSource
    private let meter: EngineMeter
    private let logger: Logger
    private let state = Mutex(State())

    /// What one batch did.
    package struct BatchReport: Sendable {
        /// Inputs handled: submitted events, inbox entries and fired timers.
        package var inputs = 0
        /// Timers fired.
        package var timersFired = 0
    }

    private struct State {
        /// Events handed over, not yet in a batch, with whoever waits for their results.
        var pending: [Submission] = []
        /// A batch is running (batches of a partition never overlap).
        var busy = false
        /// Work was announced while busy: the running drain looks once more before it stops.
        var lookAgain = false
        /// The last inbox sequence handled (entries are removed by the commit).
        var sequence: Int64 = 0
        var leaseGeneration: Int64?
    }

    package init(
        partition: Int, store: any WaymarkStore, committer: GroupCommitter, clock: any EngineClock,
        configuration: EngineConfiguration, catalog: CatalogHolder, doorbells: Doorbells, random: any RandomSource,
        meter: EngineMeter = EngineMeter(), logger: Logger
    ) {
        self.meter = meter
        self.partition = partition
        self.store = store
        self.committer = committer
        self.clock = clock
        self.configuration = configuration
        self.catalog = catalog
        self.doorbells = doorbells
        self.random = random
        self.logger = logger
    }

    // MARK: - Entry points

    /// Routes `events` (all of this partition) and commits the outcome with their acceptance;
    /// returns one result per event when that commit is durable. Runs the batches itself when the
    /// worker is idle, else waits for the running drain to take them.
    package func submit(_ events: [SubmittedEvent]) async throws(StoreError) -> [InboxAppendResult] {
        guard !events.isEmpty else { return [] }
        let submission = Submission(events: events)
        let leads = state.withLock { state in
            state.pending.append(submission)
            return Self.claim(&state)
        }
        if leads { _ = try? await drain() }
        return try await submission.results()
    }

    /// Runs batches until there is nothing to do (no pending event, inbox entry or due timer).
    /// When another drain is running it only asks that one to look again.
    /// - Returns: what the batches did.
    @discardableResult
    package func processAvailable() async throws(StoreError) -> BatchReport {
        guard state.withLock({ Self.claim(&$0) }) else { return BatchReport() }
        return try await drain()
    }

    /// Takes the worker when idle; otherwise records that there is more to look at.
    private static func claim(_ state: inout State) -> Bool {
        if state.busy {
            state.lookAgain = true
            return false
        }
        state.busy = true
        return true
    }

    /// Runs batches while there is work, then releases the worker. A failing batch ends the
    /// drain and fails its submissions and those still waiting (their callers answer "send
    /// again"); its inbox entries and due timers stay where they were.
    private func drain() async throws(StoreError) -> BatchReport {
        var total = BatchReport()
        while true {
            let report: BatchReport
            do {
                report = try await processBatch()
            } catch {
                let waiting = state.withLock { state in
                    state.busy = false
                    state.lookAgain = false
                    defer { state.pending = [] }
                    return state.pending
                }
                for submission in waiting { submission.finish(.failure(error)) }
                throw error
            }
            total.inputs += report.inputs
            total.timersFired += report.timersFired
            let done = state.withLock { state -> Bool in
                guard report.inputs == 0, state.pending.isEmpty else { return false }
                if state.lookAgain {
                    state.lookAgain = false
                    return false
                }
                state.busy = false
                return true
            }
            if done { return total }
        }
    }

    // MARK: - One batch

    /// Handles one batch: up to `workerBatchSize` submitted events and inbox entries, and up to
    /// `timerBatchSize` people whose timers are due; commits it.
    private func processBatch() async throws(StoreError) -> BatchReport {
        let (submissions, after, knownGeneration) = state.withLock { state in
            var taken: [Submission] = []
            var count = 0
            while let next = state.pending.first, taken.isEmpty || count + next.events.count <= configuration.workerBatchSize {
                taken.append(state.pending.removeFirst())
                count += next.events.count
            }
            return (taken, state.sequence, state.leaseGeneration)
        }
        do {
            return try await processBatch(submissions, after: after, knownGeneration: knownGeneration)
        } catch {
            for submission in submissions { submission.finish(.failure(error)) }
            // Start over from the store's state: the inbox entries are still there.
            state.withLock { $0.sequence = 0; if error.code == .leaseLost { $0.leaseGeneration = nil } }
            throw error
        }
    }

    private func processBatch(
        _ submissions: [Submission], after: Int64, knownGeneration: Int64?
    ) async throws(StoreError) -> BatchReport {
        let now = clock.now()
        let submittedCount = submissions.reduce(0) { $0 + $1.events.count }
        let entries = try await store.inboxEntries(
            partition: partition, after: after, limit: max(1, configuration.workerBatchSize - submittedCount))
        let due = try await store.dueProfiles(partition: partition, now: now, limit: configuration.timerBatchSize)
        guard !submissions.isEmpty || !entries.isEmpty || !due.isEmpty else { return BatchReport() }
        let generation = try await leaseGeneration(known: knownGeneration)

        let submitted = submissions.flatMap(\.events)
        let catalog = catalog.current
        var people = due
        people += entries.map(\.profile)
        people += submitted.map(\.entry.profile)
        people = Array(Set(people))
        let instances = try await store.instances(of: people)
        let profiles = catalog.readsProfiles ? try await store.profiles(people) : [:]
        var counters: [String: Int64] = [:]
        for name in catalog.counterNames { counters[name] = try await store.counter(name) }

        // Idempotency, optimistically: an id repeated in the batch is a duplicate; an id accepted
        // before makes the commit refuse (`.constraint`), and only then are the ids looked up and
        // the batch routed again without them (the store is as it was: the commit wrote nothing).
        var acceptedBefore: Set<String> = []
        while true {
            let (accepted, outcomes) = Self.newEvents(of: submissions, acceptedBefore: acceptedBefore)
            var router = BatchRouter(
                partition: partition, leaseGeneration: generation, catalog: catalog, configuration: configuration,
                now: now, random: random, instances: instances, profiles: profiles, counters: counters)
            let timersFired = router.fireDueTimers(of: due)
            var commit = router.route(entries.map { RouterInput(entry: $0) } + accepted.map { RouterInput($0) })
            commit.acceptedEventIDs = accepted.map(\.entry.eventID)
            do {
                try await committer.commit(commit)
            } catch where error.code == .constraint && !accepted.isEmpty {
                let known = try await store.acceptedEventIDs(among: commit.acceptedEventIDs)
                guard !known.isSubset(of: acceptedBefore) else { throw error }
                acceptedBefore.formUnion(known)
                continue
            }

            meter.record(commit, inputs: submitted.count + entries.count + timersFired, timersFired: timersFired)
            if let last = entries.last { state.withLock { $0.sequence = last.sequence } }
            for (submission, results) in zip(submissions, outcomes) { submission.finish(.success(results)) }
            if commit.instances.contains(where: { $0.nextDueAt != nil }) { doorbells.timers.ring() }
            if !commit.outbox.isEmpty { doorbells.outbox.ring() }
            if !commit.inbox.isEmpty { doorbells.ringWorkers(of: commit.inbox.map(\.partition)) }
            return BatchReport(inputs: submitted.count + entries.count + timersFired, timersFired: timersFired)
        }
    }

    /// The submitted events to route (the first of each id not accepted before) and each
    /// submission's results.
    private static func newEvents(
        of submissions: [Submission], acceptedBefore: Set<String>
    ) -> (accepted: [SubmittedEvent], outcomes: [[InboxAppendResult]]) {
        var seen = acceptedBefore
        var accepted: [SubmittedEvent] = []
        let outcomes = submissions.map { submission in
            submission.events.map { event -> InboxAppendResult in
                guard seen.insert(event.entry.eventID).inserted else { return .duplicate }
                accepted.append(event)
                return .accepted(sequence: 0)
            }
        }
        return (accepted, outcomes)
    }

    /// The generation of this node's lease on the partition, taken on first use.
    private func leaseGeneration(known: Int64?) async throws(StoreError) -> Int64 {
        if let known { return known }
        let now = clock.now()
        guard
            let generation = try await store.acquireLease(
                partition: partition, owner: configuration.nodeID, now: now, expiresAt: now + configuration.leaseDuration)
        else {
            throw StoreError(.leaseLost, "partition \(partition) is leased by another node")
        }
        state.withLock { $0.leaseGeneration = generation }
        return generation
    }

    package func run() async throws {
        await ServiceLoop.run(
            name: "partition worker \(partition)", doorbell: doorbells.workers[partition], clock: clock,
            pollInterval: configuration.idlePollInterval, logger: logger
        ) {
            _ = try await self.processAvailable()
            return .init(didWork: false)
        }
    }
}

