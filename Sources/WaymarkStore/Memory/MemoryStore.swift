import Synchronization
import WaymarkCore

/// A `WaymarkStore` in memory: for tests, the simulator and as the reference every backend's
/// conformance is measured against.
///
/// Every method is atomic: a write that fails leaves the store as it was. Nothing is durable.
/// A partition that was never leased has lease generation 0.
public final class MemoryStore: WaymarkStore {
    private let state = Mutex(MemoryState())

    /// Creates an empty store.
    public init() {}

    /// Runs `body` under the lock as one atomic write: when it throws, every change is undone.
    func write<Result: Sendable>(
        _ body: (inout MemoryState, inout MemoryState.Journal) throws(StoreError) -> Result
    ) throws(StoreError) -> Result {
        try state.withLock { (state: inout MemoryState) throws(StoreError) -> Result in
            var journal = MemoryState.Journal()
            do throws(StoreError) {
                return try body(&state, &journal)
            } catch {
                journal.rollBack(&state)
                throw error
            }
        }
    }

    func read<Result: Sendable, Failure: Error>(_ body: (MemoryState) throws(Failure) -> Result) throws(Failure) -> Result {
        try state.withLock { (state: inout MemoryState) throws(Failure) -> Result in try body(state) }
    }

    public func commit(_ batches: [PartitionCommit]) throws(StoreError) {
        try write { state, journal throws(StoreError) in try state.commit(batches, &journal) }
    }

    // MARK: Inbox

    public func appendToInbox(_ entries: [InboxEntry]) throws(StoreError) -> [InboxAppendResult] {
        try write { state, journal in entries.map { state.appendToInbox($0, &journal) } }
    }

    public func inboxEntries(partition: Int, after sequence: Int64, limit: Int) throws(StoreError) -> [InboxEntry] {
        read { $0.inboxEntries(partition: partition, after: sequence, limit: limit) }
    }

    public func inboxDepth() throws(StoreError) -> Int {
        read(\.inboxDepth)
    }

    public func acceptedEventIDs(among ids: [String]) throws(StoreError) -> Set<String> {
        read { state in Set(ids.filter { state.accepted.contains(MemoryState.AcceptedID(kind: .event, eventID: $0)) }) }
    }

    // MARK: Instances

    public func instances(of profiles: [ProfileKey]) throws(StoreError) -> [InstanceRecord] {
        read { $0.instances(of: profiles) }
    }

    public func instance(id: String) throws(StoreError) -> InstanceRecord? {
        read { $0.instances[id] }
    }

    public func activeInstanceCount(journeyVersionID: String?) throws(StoreError) -> Int {
        read { state in
            state.instances.values.count { $0.isActive && (journeyVersionID == nil || $0.journeyVersionID == journeyVersionID) }
        }
    }

    // MARK: Timers

    public func nextTimerDue(partitions: Set<Int>?) throws(StoreError) -> Int64? {
        read { $0.nextTimerDue(partitions: partitions) }
    }

    public func dueProfiles(partition: Int, now: Int64, limit: Int) throws(StoreError) -> [ProfileKey] {
        read { $0.dueProfiles(partition: partition, now: now, limit: limit) }
    }

    public func timerCount() throws(StoreError) -> Int {
        read { state in state.instances.values.reduce(0) { $0 + ($1.isActive ? $1.timers.count : 0) } }
    }

    public func testInstances(journeyVersionID: String) throws(StoreError) -> [InstanceRecord] {
        read { $0.testInstances(journeyVersionID: journeyVersionID) }
    }

    public func deleteTestInstances(journeyVersionID: String) throws(StoreError) -> Int {
        try write { state, journal in
            let ids = state.testInstances(journeyVersionID: journeyVersionID).map(\.instanceID)
            for id in ids { state.removeInstance(id, &journal) }
            return ids.count
        }
    }

    public func expediteTimers(journeyVersionID: String, to now: Int64) throws(StoreError) -> Int {
        try write { state, journal in
            var moved = 0
            for (key, record) in state.instances where record.isActive && record.journeyVersionID == journeyVersionID {
                guard let expedited = record.timers.expedited(to: now) else { continue }
                var changed = record
                changed.timers = expedited
                state.set(\.instances, key, changed, &journal)
                moved += 1
            }
            return moved
        }
    }

    // MARK: Outbox

    public func outboxEntries(availableAt now: Int64, limit: Int) throws(StoreError) -> [OutboxRecord] {
        read { $0.outboxEntries(availableAt: now, limit: limit) }
    }

    public func completeOutbox(_ completions: [OutboxCompletion]) throws(StoreError) {
        try write { state, journal throws(StoreError) in
            for completion in completions where state.outbox[completion.outboxID] != nil {
                state.set(\.outbox, completion.outboxID, nil, &journal)
                _ = state.appendToInbox(completion.result, &journal)
                if let failedCall = completion.failedCall { try state.keepFailedCall(failedCall, &journal) }
            }
        }
    }

    public func postponeOutbox(ids: [String], until availableAt: Int64) throws(StoreError) {
        try write { state, journal in
            for id in ids {
                guard var row = state.outbox[id] else { continue }
                row.record.availableAt = availableAt
                state.set(\.outbox, id, row, &journal)
            }
        }
    }

    // MARK: Profiles

    public func upsertProfiles(_ profiles: [ProfileRecord]) throws(StoreError) {
        try write { state, journal throws(StoreError) in
            for profile in profiles { try state.upsertProfile(profile, &journal) }
        }
    }

    public func linkIdentities(_ links: [(key: ProfileKey, identities: [ProfileKey])], at updatedAt: Int64) throws(StoreError) {
        try write { state, journal throws(StoreError) in
            for link in links {
                let record = ProfileRecord(key: link.key, identities: link.identities, updatedAt: updatedAt)
                try state.upsertProfile(record, keepingSettings: true, &journal)
            }
        }
    }

    public func profiles(_ keys: [ProfileKey]) throws(StoreError) -> [ProfileKey: ProfileRecord] {
        read { $0.profiles(keys) }
    }

    // MARK: Step events

    public func stepEvents(instanceID: String) throws(StoreError) -> [StepEvent] {
        read { state in (state.stepEventsByInstance[instanceID] ?? []).map { state.stepEvents[$0] } }
    }

    public func stepEvents(offset: Int, limit: Int) throws(StoreError) -> [StepEvent] {
        read { $0.stepEvents.page(offset: offset, limit: limit) }
    }

    /// The cursor is the count of events read (a memory store never removes but test runs' steps).
    public func stepEvents(after: Int64, limit: Int) throws(StoreError) -> (events: [StepEvent], cursor: Int64) {
        read { state in
            let events = state.stepEvents.page(offset: Int(after), limit: max(1, limit))
            return (events, after + Int64(events.count))
        }
    }

    public func stepEventCount() throws(StoreError) -> Int {
        read(\.stepEvents.count)
    }

    public func discards(offset: Int, limit: Int) throws(StoreError) -> [DiscardRecord] {
        read { $0.discards.page(offset: offset, limit: limit) }
    }

    // MARK: Configs, leases, counters

    public func saveConfigs(_ documents: [ConfigDocument]) throws(StoreError) {
        try write { state, journal in
            for document in documents { state.set(\.configs, ConfigKey(document), document, &journal) }
        }
    }

    public func configs() throws(StoreError) -> [ConfigDocument] {
        read { state in state.configs.sorted { $0.key < $1.key }.map(\.value) }
    }

    public func deleteConfigs(_ documents: [ConfigDocument]) throws(StoreError) {
        try write { state, journal in
            for document in documents { state.set(\.configs, ConfigKey(document), nil, &journal) }
        }
    }

    public func acquireLease(partition: Int, owner: String, now: Int64, expiresAt: Int64) throws(StoreError) -> Int64? {
        try write { state, journal in
            state.acquireLease(partition: partition, owner: owner, now: now, expiresAt: expiresAt, &journal)
        }
    }

    public func counter(_ name: String) throws(StoreError) -> Int64 {
        read { $0.counters[name] ?? 0 }
    }

    public func counters(from lower: String, to upper: String) throws(StoreError) -> [String: Int64] {
        read { $0.counters.filter { $0.key >= lower && $0.key < upper } }
    }
}

extension Array {
    /// The elements after the first `offset`, at most `limit`.
    fileprivate func page(offset: Int, limit: Int) -> [Element] {
        let start = Swift.min(Swift.max(0, offset), count)
        return Array(self[start..<Swift.min(count, start + Swift.max(0, limit))])
    }
}
