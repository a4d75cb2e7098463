/// How the engine runs: partitions, batch sizes and waits. Plain values with defaults, read from
/// flags, environment or a file at the edge only.
public struct EngineConfiguration: Hashable, Sendable {
    /// When an ingested event counts as accepted.
    public enum Acceptance: String, Hashable, Sendable, CaseIterable {
        /// Once routed and its outcome committed (one transaction): the answer says what it
        /// caused, and a burst is accepted at the routing rate.
        case routed
        /// Once in the durable inbox (concurrent calls share one commit); the workers route it
        /// behind: a burst is accepted at the inbox's insert rate.
        case inbox
    }

    /// When an ingested event counts as accepted (default: once routed).
    public var acceptance: Acceptance
    /// The number of partitions profiles are spread over (`ProfileKey.partition(of:)`); one worker
    /// each. Fixed for the life of a data directory.
    public var partitionCount: Int
    /// The most inbox entries one worker batch reads, routes and commits in one transaction.
    public var workerBatchSize: Int
    /// The most due timers moved to the inbox per store call.
    public var timerBatchSize: Int
    /// The most outbox rows claimed per round.
    public var outboxBatchSize: Int
    /// The most external calls in flight at once.
    public var outboxConcurrency: Int
    /// The most external calls in flight at once to one endpoint (`ExternalCallExecutor.endpoint(of:)`),
    /// so a slow endpoint cannot hold every slot.
    public var outboxConcurrencyPerEndpoint: Int
    /// How long the queued rows of a stuck endpoint (at its concurrency bound, no call finishing)
    /// step aside when the dispatcher's queues are full, in milliseconds.
    public var busyEndpointDelay: Int64
    /// How long a throttled call may wait in the outbox for its slot before it fails, in milliseconds.
    public var throttleQueueLimit: Int64
    /// How long an idle service waits before looking at the store again even when not woken
    /// (another process may have written), in milliseconds.
    public var idlePollInterval: Int64
    /// The duration of every wait and event timeout in test mode, in milliseconds.
    public var testModeWaitDuration: Int64
    /// The owner name of this node's partition leases.
    public var nodeID: String
    /// How long a partition lease lasts, in milliseconds.
    public var leaseDuration: Int64

    /// Creates a configuration; every value has a default fit for one node.
    public init(
        partitionCount: Int = 8, workerBatchSize: Int = 2_000, timerBatchSize: Int = 5_000, outboxBatchSize: Int = 500,
        outboxConcurrency: Int = 256, outboxConcurrencyPerEndpoint: Int = 64, busyEndpointDelay: Int64 = 5_000,
        throttleQueueLimit: Int64 = 6 * 3_600_000, idlePollInterval: Int64 = 1_000,
        testModeWaitDuration: Int64 = 10_000, nodeID: String = "local", leaseDuration: Int64 = 30 * 24 * 3_600_000,
        acceptance: Acceptance = .routed
    ) {
        self.acceptance = acceptance
        self.partitionCount = max(1, partitionCount)
        self.workerBatchSize = max(1, workerBatchSize)
        self.timerBatchSize = max(1, timerBatchSize)
        self.outboxBatchSize = max(1, outboxBatchSize)
        self.outboxConcurrency = max(1, outboxConcurrency)
        self.outboxConcurrencyPerEndpoint = max(1, outboxConcurrencyPerEndpoint)
        self.busyEndpointDelay = max(1, busyEndpointDelay)
        self.throttleQueueLimit = max(0, throttleQueueLimit)
        self.idlePollInterval = max(1, idlePollInterval)
        self.testModeWaitDuration = max(0, testModeWaitDuration)
        self.nodeID = nodeID
        self.leaseDuration = max(1, leaseDuration)
    }
}
