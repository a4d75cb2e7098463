import WaymarkCore

/// The durable inbox: accepted events and internal inputs, per partition, in order.
public protocol InboxStore: Sendable {
    /// Appends entries in one transaction; durable when this returns. An entry whose kind and
    /// `eventID` were accepted before is reported `.duplicate` and not written (idempotency).
    /// Results are in the order of `entries`.
    func appendToInbox(_ entries: [InboxEntry]) async throws(StoreError) -> [InboxAppendResult]

    /// Up to `limit` entries of `partition` with a sequence greater than `sequence`, in order.
    func inboxEntries(partition: Int, after sequence: Int64, limit: Int) async throws(StoreError) -> [InboxEntry]

    /// The number of entries waiting in the inbox (all partitions).
    func inboxDepth() async throws(StoreError) -> Int

    /// Those of `ids` accepted before as external events (kind `event`, through the inbox or a
    /// commit's `acceptedEventIDs`).
    func acceptedEventIDs(among ids: [String]) async throws(StoreError) -> Set<String>
}

/// Journey instances, by profile.
public protocol InstanceStore: Sendable {
    /// The instances of these profiles (active and ended), for routing inputs to them.
    func instances(of profiles: [ProfileKey]) async throws(StoreError) -> [InstanceRecord]

    /// One instance by id.
    func instance(id: String) async throws(StoreError) -> InstanceRecord?

    /// The number of active instances, optionally of one journey version.
    func activeInstanceCount(journeyVersionID: String?) async throws(StoreError) -> Int

    /// The test-mode instances (`inTest`) of a journey version, active or ended, in the order first written.
    func testInstances(journeyVersionID: String) async throws(StoreError) -> [InstanceRecord]

    /// Deletes the test-mode instances of a journey version with their timers and step events
    /// (test mode ended: its logs are cleared).
    /// - Returns: how many were deleted.
    func deleteTestInstances(journeyVersionID: String) async throws(StoreError) -> Int
}

/// Timers, kept with their instances (`InstanceRecord.timers`) and indexed by the earliest due
/// instant of each active instance. A due timer stays until a commit replaces its instance's
/// timers: a crash before that commit loses no firing.
public protocol TimerStore: Sendable {
    /// The earliest due instant among the timers of the active instances of these partitions
    /// (all when `nil`).
    func nextTimerDue(partitions: Set<Int>?) async throws(StoreError) -> Int64?

    /// The people of `partition` with an active instance whose earliest timer is due at or
    /// before `now`: earliest due first, each person once, at most `limit`.
    func dueProfiles(partition: Int, now: Int64, limit: Int) async throws(StoreError) -> [ProfileKey]

    /// The number of timers of active instances.
    func timerCount() async throws(StoreError) -> Int

    /// Makes every timer of the active instances of a journey version due at `now` at the latest
    /// (a stopped version: its people leave at once instead of at their next step).
    /// - Returns: how many instances had a timer moved.
    func expediteTimers(journeyVersionID: String, to now: Int64) async throws(StoreError) -> Int
}

/// Side effects to run after their commit.
public protocol OutboxStore: Sendable {
    /// Up to `limit` rows available at `now`, oldest first. A claimed row stays until completed.
    func outboxEntries(availableAt now: Int64, limit: Int) async throws(StoreError) -> [OutboxRecord]

    /// Removes completed rows and appends their results to the inbox, in one transaction, with
    /// the failed calls to keep (`OutboxCompletion.failedCall`; one already kept is left as is).
    /// A completion whose row is gone (completed before) is ignored: a result is delivered once.
    func completeOutbox(_ completions: [OutboxCompletion]) async throws(StoreError)

    /// Postpones rows (throttled calls, calls of a busy endpoint) until `availableAt`, in one
    /// transaction; unknown ids are ignored.
    func postponeOutbox(ids: [String], until availableAt: Int64) async throws(StoreError)
}

/// The built-in profile store.
public protocol ProfileStore: Sendable {
    /// Creates or merges profiles: attributes are deep-merged into the stored ones, identities
    /// added, flags and time zone replaced when given.
    func upsertProfiles(_ profiles: [ProfileRecord]) async throws(StoreError)

    /// Joins identities to people without changing anything else: for each link, the profile
    /// holding `key` or any of `identities` (created when none does) gains the identities; its
    /// attributes, test flag and time zone stay as they are. One transaction; identities that
    /// belong to two different profiles throw `.constraint` and write nothing.
    func linkIdentities(_ links: [(key: ProfileKey, identities: [ProfileKey])], at updatedAt: Int64) async throws(StoreError)

    /// The profiles known by any of these keys (primary key or another identity).
    func profiles(_ keys: [ProfileKey]) async throws(StoreError) -> [ProfileKey: ProfileRecord]
}

/// The step-event and discard datasets.
public protocol StepEventStore: Sendable {
    /// The step events of one instance, in the order written.
    func stepEvents(instanceID: String) async throws(StoreError) -> [StepEvent]

    /// Step events in the order written, after the `offset`-th, at most `limit`.
    func stepEvents(offset: Int, limit: Int) async throws(StoreError) -> [StepEvent]

    /// Step events written after the cursor `after` (0: from the first), in the order written,
    /// about `limit` of them (whole commits' groups: maybe a few more), read by key — as cheap
    /// at the end of a large dataset as at its start.
    /// - Returns: the events and the cursor after the last of them (`after` when none).
    func stepEvents(after: Int64, limit: Int) async throws(StoreError) -> (events: [StepEvent], cursor: Int64)

    /// The number of step events.
    func stepEventCount() async throws(StoreError) -> Int

    /// Discard records in the order written, after the `offset`-th, at most `limit`.
    func discards(offset: Int, limit: Int) async throws(StoreError) -> [DiscardRecord]
}

/// Configs: events, data sources, actions and journey versions, as canonical JSON documents.
public protocol ConfigStore: Sendable {
    /// Saves (creates or replaces) documents, keyed by kind and name (journeys: id and version).
    func saveConfigs(_ documents: [ConfigDocument]) async throws(StoreError)

    /// Every stored document.
    func configs() async throws(StoreError) -> [ConfigDocument]

    /// Deletes the stored documents with the keys of `documents` (kind and name; journeys: id and
    /// version); keys not stored are ignored.
    func deleteConfigs(_ documents: [ConfigDocument]) async throws(StoreError)
}

/// Partition leases with fencing generations (one node holds each partition).
public protocol LeaseStore: Sendable {
    /// Takes or renews the lease of `partition` for `owner` until `expiresAt`. Returns the
    /// lease's generation (increased whenever the owner changes), or `nil` when another owner
    /// holds an unexpired lease.
    func acquireLease(partition: Int, owner: String, now: Int64, expiresAt: Int64) async throws(StoreError) -> Int64?
}

/// Named counters (e.g. how many people took a profile cap's first path).
public protocol CounterStore: Sendable {
    /// The current value of a counter (0 when never incremented).
    func counter(_ name: String) async throws(StoreError) -> Int64

    /// The counters whose names are in `[lower, upper)` (e.g. `ReportCounters.range`), by name.
    func counters(from lower: String, to upper: String) async throws(StoreError) -> [String: Int64]
}

/// Everything the engine stores, with the one atomic write of a partition worker.
public protocol WaymarkStore: InboxStore, InstanceStore, TimerStore, OutboxStore, ProfileStore, StepEventStore,
    ConfigStore, LeaseStore, CounterStore, FailedCallStore
{
    /// Commits partition batches in ONE transaction (group commit): accepted event ids,
    /// instances with their timers, outbox, inbox, step events, discards, profile updates and
    /// counters. Throws `.leaseLost` (writing
    /// nothing) when a batch's `leaseGeneration` is not its partition's current one.
    func commit(_ batches: [PartitionCommit]) async throws(StoreError)
}

/// A storage failure, with a code, a message and context.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Hashable, Sendable {
        /// The partition's lease generation changed: this worker may no longer write.
        case leaseLost
        /// A constraint of the schema refused the data.
        case constraint
        /// The data in the store could not be read back.
        case corrupt
        /// The database could not be opened, read or written.
        case io
        /// What the call names (e.g. a failed call's id) is not in the store.
        case notFound
        /// An analyst's query was refused or failed (not read-only, another table, bad SQL, too long).
        case invalidQuery
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
