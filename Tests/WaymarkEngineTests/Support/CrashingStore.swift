import Synchronization
import WaymarkCore
import WaymarkStore

/// A store that fails some of its writes, as a process killed mid-write would: the failing call
/// writes nothing (the transaction never commits). Everything else goes to the wrapped store.
final class CrashingStore: WaymarkStore {
    let base: any WaymarkStore
    /// Every `period`-th write fails.
    let period: Int
    private let writes = Mutex(0)
    /// Runs before each commit with its batches (to hold a commit back or count them).
    let beforeCommit: (@Sendable ([PartitionCommit]) async -> Void)?

    init(
        _ base: any WaymarkStore, failingEvery period: Int,
        beforeCommit: (@Sendable ([PartitionCommit]) async -> Void)? = nil
    ) {
        self.base = base
        self.period = period
        self.beforeCommit = beforeCommit
    }

    /// The number of writes failed so far.
    var failures: Int { writes.withLock { $0 / period } }

    private func maybeFail(_ what: String) throws(StoreError) {
        let count = writes.withLock { count in
            count += 1
            return count
        }
        if count % period == 0 { throw StoreError(.io, "simulated crash during \(what)") }
    }

    func commit(_ batches: [PartitionCommit]) async throws(StoreError) {
        await beforeCommit?(batches)
        try maybeFail("commit")
        try await base.commit(batches)
    }

    func dueProfiles(partition: Int, now: Int64, limit: Int) async throws(StoreError) -> [ProfileKey] {
        try await base.dueProfiles(partition: partition, now: now, limit: limit)
    }

    func completeOutbox(_ completions: [OutboxCompletion]) async throws(StoreError) {
        try maybeFail("completeOutbox")
        try await base.completeOutbox(completions)
    }

    func appendToInbox(_ entries: [InboxEntry]) async throws(StoreError) -> [InboxAppendResult] {
        try await base.appendToInbox(entries)
    }

    func inboxEntries(partition: Int, after sequence: Int64, limit: Int) async throws(StoreError) -> [InboxEntry] {
        try await base.inboxEntries(partition: partition, after: sequence, limit: limit)
    }

    func inboxDepth() async throws(StoreError) -> Int { try await base.inboxDepth() }

    func acceptedEventIDs(among ids: [String]) async throws(StoreError) -> Set<String> {
        try await base.acceptedEventIDs(among: ids)
    }

    func instances(of profiles: [ProfileKey]) async throws(StoreError) -> [InstanceRecord] {
        try await base.instances(of: profiles)
    }

    func instance(id: String) async throws(StoreError) -> InstanceRecord? { try await base.instance(id: id) }

    func activeInstanceCount(journeyVersionID: String?) async throws(StoreError) -> Int {
        try await base.activeInstanceCount(journeyVersionID: journeyVersionID)
    }
    func testInstances(journeyVersionID: String) async throws(StoreError) -> [InstanceRecord] { try await base.testInstances(journeyVersionID: journeyVersionID) }
    func deleteTestInstances(journeyVersionID: String) async throws(StoreError) -> Int { try await base.deleteTestInstances(journeyVersionID: journeyVersionID) }

    func nextTimerDue(partitions: Set<Int>?) async throws(StoreError) -> Int64? {
        try await base.nextTimerDue(partitions: partitions)
    }

    func timerCount() async throws(StoreError) -> Int { try await base.timerCount() }
    func expediteTimers(journeyVersionID: String, to now: Int64) async throws(StoreError) -> Int { try await base.expediteTimers(journeyVersionID: journeyVersionID, to: now) }

    func outboxEntries(availableAt now: Int64, limit: Int) async throws(StoreError) -> [OutboxRecord] {
        try await base.outboxEntries(availableAt: now, limit: limit)
    }

    func postponeOutbox(ids: [String], until availableAt: Int64) async throws(StoreError) {
        try await base.postponeOutbox(ids: ids, until: availableAt)
    }

    func upsertProfiles(_ profiles: [ProfileRecord]) async throws(StoreError) { try await base.upsertProfiles(profiles) }

    func linkIdentities(_ links: [(key: ProfileKey, identities: [ProfileKey])], at updatedAt: Int64) async throws(StoreError) {
        try await base.linkIdentities(links, at: updatedAt)
    }

    func profiles(_ keys: [ProfileKey]) async throws(StoreError) -> [ProfileKey: ProfileRecord] {
        try await base.profiles(keys)
    }

    func stepEvents(instanceID: String) async throws(StoreError) -> [StepEvent] {
        try await base.stepEvents(instanceID: instanceID)
    }

    func stepEvents(offset: Int, limit: Int) async throws(StoreError) -> [StepEvent] {
        try await base.stepEvents(offset: offset, limit: limit)
    }
    func stepEvents(after: Int64, limit: Int) async throws(StoreError) -> (events: [StepEvent], cursor: Int64) { try await base.stepEvents(after: after, limit: limit) }

    func stepEventCount() async throws(StoreError) -> Int { try await base.stepEventCount() }

    func discards(offset: Int, limit: Int) async throws(StoreError) -> [DiscardRecord] {
        try await base.discards(offset: offset, limit: limit)
    }

    func saveConfigs(_ documents: [ConfigDocument]) async throws(StoreError) { try await base.saveConfigs(documents) }
    func deleteConfigs(_ documents: [ConfigDocument]) async throws(StoreError) { try await base.deleteConfigs(documents) }

    func configs() async throws(StoreError) -> [ConfigDocument] { try await base.configs() }

    func acquireLease(partition: Int, owner: String, now: Int64, expiresAt: Int64) async throws(StoreError) -> Int64? {
        try await base.acquireLease(partition: partition, owner: owner, now: now, expiresAt: expiresAt)
    }

    func counter(_ name: String) async throws(StoreError) -> Int64 { try await base.counter(name) }
    func counters(from lower: String, to upper: String) async throws(StoreError) -> [String: Int64] {
        try await base.counters(from: lower, to: upper)
    }

    func failedCalls(after: String?, limit: Int) async throws(StoreError) -> [FailedCallRecord] {
        try await base.failedCalls(after: after, limit: limit)
    }

    func failedCall(id: String) async throws(StoreError) -> FailedCallRecord? { try await base.failedCall(id: id) }

    func markReplayed(id: String, at replayedAt: Int64, status: Int?, succeeded: Bool) async throws(StoreError) {
        try await base.markReplayed(id: id, at: replayedAt, status: status, succeeded: succeeded)
    }
}
