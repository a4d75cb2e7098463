import WaymarkCore
import WaymarkStore

/// A store whose writes fail on demand (the disk is full, the database locked), reading through
/// to a memory store: to see that ingestion never acknowledges what it did not store.
final class WriteFailingStore: WaymarkStore {
    let inner = MemoryStore()
    let failsInbox: Bool
    let failsCommit: Bool
    let failsProfiles: Bool

    init(inbox: Bool = false, commit: Bool = false, profiles: Bool = false) {
        failsInbox = inbox
        failsCommit = commit
        failsProfiles = profiles
    }

    private func fail(_ when: Bool) throws(StoreError) {
        if when { throw StoreError(.io, "disk full") }
    }

    func appendToInbox(_ entries: [InboxEntry]) throws(StoreError) -> [InboxAppendResult] {
        try fail(failsInbox)
        return try inner.appendToInbox(entries)
    }

    func commit(_ batches: [PartitionCommit]) throws(StoreError) {
        try fail(failsCommit)
        try inner.commit(batches)
    }

    func upsertProfiles(_ profiles: [ProfileRecord]) throws(StoreError) {
        try fail(failsProfiles)
        try inner.upsertProfiles(profiles)
    }

    func linkIdentities(_ links: [(key: ProfileKey, identities: [ProfileKey])], at updatedAt: Int64) throws(StoreError) {
        try fail(failsProfiles)
        try inner.linkIdentities(links, at: updatedAt)
    }

    func inboxEntries(partition: Int, after sequence: Int64, limit: Int) throws(StoreError) -> [InboxEntry] {
        try inner.inboxEntries(partition: partition, after: sequence, limit: limit)
    }
    func inboxDepth() throws(StoreError) -> Int { try inner.inboxDepth() }
    func acceptedEventIDs(among ids: [String]) throws(StoreError) -> Set<String> { try inner.acceptedEventIDs(among: ids) }
    func instances(of profiles: [ProfileKey]) throws(StoreError) -> [InstanceRecord] { try inner.instances(of: profiles) }
    func instance(id: String) throws(StoreError) -> InstanceRecord? { try inner.instance(id: id) }
    func activeInstanceCount(journeyVersionID: String?) throws(StoreError) -> Int {
        try inner.activeInstanceCount(journeyVersionID: journeyVersionID)
    }
    func testInstances(journeyVersionID: String) throws(StoreError) -> [InstanceRecord] { try inner.testInstances(journeyVersionID: journeyVersionID) }
    func deleteTestInstances(journeyVersionID: String) throws(StoreError) -> Int { try inner.deleteTestInstances(journeyVersionID: journeyVersionID) }
    func nextTimerDue(partitions: Set<Int>?) throws(StoreError) -> Int64? { try inner.nextTimerDue(partitions: partitions) }
    func dueProfiles(partition: Int, now: Int64, limit: Int) throws(StoreError) -> [ProfileKey] {
        try inner.dueProfiles(partition: partition, now: now, limit: limit)
    }
    func timerCount() throws(StoreError) -> Int { try inner.timerCount() }
    func expediteTimers(journeyVersionID: String, to now: Int64) throws(StoreError) -> Int { try inner.expediteTimers(journeyVersionID: journeyVersionID, to: now) }
    func outboxEntries(availableAt now: Int64, limit: Int) throws(StoreError) -> [OutboxRecord] {
        try inner.outboxEntries(availableAt: now, limit: limit)
    }
    func completeOutbox(_ completions: [OutboxCompletion]) throws(StoreError) { try inner.completeOutbox(completions) }
    func postponeOutbox(ids: [String], until availableAt: Int64) throws(StoreError) {
        try inner.postponeOutbox(ids: ids, until: availableAt)
    }
    func profiles(_ keys: [ProfileKey]) throws(StoreError) -> [ProfileKey: ProfileRecord] { try inner.profiles(keys) }
    func stepEvents(instanceID: String) throws(StoreError) -> [StepEvent] { try inner.stepEvents(instanceID: instanceID) }
    func stepEvents(offset: Int, limit: Int) throws(StoreError) -> [StepEvent] { try inner.stepEvents(offset: offset, limit: limit) }
    func stepEvents(after: Int64, limit: Int) throws(StoreError) -> (events: [StepEvent], cursor: Int64) { try inner.stepEvents(after: after, limit: limit) }
    func stepEventCount() throws(StoreError) -> Int { try inner.stepEventCount() }
    func discards(offset: Int, limit: Int) throws(StoreError) -> [DiscardRecord] { try inner.discards(offset: offset, limit: limit) }
    func saveConfigs(_ documents: [ConfigDocument]) throws(StoreError) { try inner.saveConfigs(documents) }
    func deleteConfigs(_ documents: [ConfigDocument]) throws(StoreError) { try inner.deleteConfigs(documents) }
    func configs() throws(StoreError) -> [ConfigDocument] { try inner.configs() }
    func acquireLease(partition: Int, owner: String, now: Int64, expiresAt: Int64) throws(StoreError) -> Int64? {
        try inner.acquireLease(partition: partition, owner: owner, now: now, expiresAt: expiresAt)
    }
    func counter(_ name: String) throws(StoreError) -> Int64 { try inner.counter(name) }
    func counters(from lower: String, to upper: String) throws(StoreError) -> [String: Int64] { try inner.counters(from: lower, to: upper) }
    func failedCalls(after: String?, limit: Int) throws(StoreError) -> [FailedCallRecord] {
        try inner.failedCalls(after: after, limit: limit)
    }
    func failedCall(id: String) throws(StoreError) -> FailedCallRecord? { try inner.failedCall(id: id) }
    func markReplayed(id: String, at replayedAt: Int64, status: Int?, succeeded: Bool) throws(StoreError) {
        try inner.markReplayed(id: id, at: replayedAt, status: status, succeeded: succeeded)
    }
}
