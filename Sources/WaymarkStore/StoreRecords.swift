import WaymarkCore

/// What an inbox entry carries to its partition worker.
public enum InboxKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// An accepted external event (payload: the event JSON).
    case event
    /// The outcome of a custom action or message (`executedAction`).
    case actionResult
    /// The outcome of an external data fetch.
    case fetchResult
    /// An event produced inside the engine (e.g. a jump into another journey).
    case internalEvent
}

/// A durable input waiting for its partition worker: an accepted event or an internal one.
public struct InboxEntry: Hashable, Sendable {
    /// Assigned by the store when appended; increasing in append order. Ignored on append.
    public var sequence: Int64
    /// The partition of `profile`.
    public var partition: Int
    public var kind: InboxKind
    /// The idempotency key: an external event's `_id`, a timer's id, an outbox row's id.
    public var eventID: String
    /// The configured event's name, for events.
    public var eventName: String?
    /// The profile the input concerns.
    public var profile: ProfileKey
    /// The input itself (for events, the event JSON), opaque to the store.
    public var payload: [UInt8]
    /// When it was accepted, milliseconds since the epoch.
    public var receivedAt: Int64

    public init(
        sequence: Int64 = 0, partition: Int, kind: InboxKind, eventID: String, eventName: String? = nil,
        profile: ProfileKey, payload: [UInt8], receivedAt: Int64
    ) {
        self.sequence = sequence
        self.partition = partition
        self.kind = kind
        self.eventID = eventID
        self.eventName = eventName
        self.profile = profile
        self.payload = payload
        self.receivedAt = receivedAt
    }
}

/// The outcome of appending one entry to the inbox.
public enum InboxAppendResult: Hashable, Sendable {
    /// Accepted and durable, with its inbox sequence (0 when the event was routed and committed
    /// at once, without an inbox entry).
    case accepted(sequence: Int64)
    /// An entry of the same kind with the same `eventID` was accepted before: nothing written.
    case duplicate
}

/// A journey instance: one person's place in one journey version.
public struct InstanceRecord: Hashable, Sendable {
    public var instanceID: String
    public var journeyID: String
    public var journeyVersionID: String
    public var profile: ProfileKey
    public var partition: Int
    /// Whether the instance still holds a place in the journey.
    public var isActive: Bool
    /// Produced in test mode.
    public var inTest: Bool
    /// The instance's state, encoded by the runtime; opaque to the store. Empty once ended.
    public var state: [UInt8]
    /// When the person entered, milliseconds since the epoch.
    public var enteredAt: Int64
    /// When it last changed.
    public var updatedAt: Int64
    /// The timers still to fire (an ended instance has none). The store indexes the instance by
    /// the earliest of them (`nextDueAt`): timers are indexed rows, one per waiting instance.
    public var timers: [InstanceTimer]

    public init(
        instanceID: String, journeyID: String, journeyVersionID: String, profile: ProfileKey, partition: Int,
        isActive: Bool, inTest: Bool = false, state: [UInt8], enteredAt: Int64, updatedAt: Int64,
        timers: [InstanceTimer] = []
    ) {
        self.instanceID = instanceID
        self.journeyID = journeyID
        self.journeyVersionID = journeyVersionID
        self.profile = profile
        self.partition = partition
        self.isActive = isActive
        self.inTest = inTest
        self.state = state
        self.enteredAt = enteredAt
        self.updatedAt = updatedAt
        self.timers = timers
    }

    /// When the instance's earliest timer is due; `nil` when it has none or has ended.
    public var nextDueAt: Int64? { isActive ? timers.lazy.map(\.dueAt).min() : nil }
}

/// A timer of an instance: due at an instant, with what firing means to the runtime.
public struct InstanceTimer: Hashable, Sendable {
    /// Unique within the instance (the runtime's timer id).
    public var id: String
    /// When it is due, milliseconds since the epoch.
    public var dueAt: Int64
    /// What firing means to the runtime (node, purpose), opaque to the store.
    public var payload: [UInt8]

    public init(id: String, dueAt: Int64, payload: [UInt8]) {
        self.id = id
        self.dueAt = dueAt
        self.payload = payload
    }
}

/// A side effect to run after its commit (an action call, a data fetch), at least once.
public struct OutboxRecord: Hashable, Sendable {
    /// Unique and stable: the idempotency key of the call.
    public var id: String
    public var partition: Int
    public var instanceID: String
    public var profile: ProfileKey
    /// `action` or `fetch`.
    public var kind: String
    /// The request, encoded by the runtime; opaque to the store.
    public var payload: [UInt8]
    /// When it was written, milliseconds since the epoch.
    public var createdAt: Int64
    /// Not to be claimed before this instant (retries, throttling).
    public var availableAt: Int64

    public init(
        id: String, partition: Int, instanceID: String, profile: ProfileKey, kind: String, payload: [UInt8],
        createdAt: Int64, availableAt: Int64
    ) {
        self.id = id
        self.partition = partition
        self.instanceID = instanceID
        self.profile = profile
        self.kind = kind
        self.payload = payload
        self.createdAt = createdAt
        self.availableAt = availableAt
    }
}

/// A person in the built-in profile store.
public struct ProfileRecord: Hashable, Sendable {
    /// The primary key.
    public var key: ProfileKey
    /// Other identities of the same person (from events' `identityMap`), each unique in the store.
    public var identities: [ProfileKey]
    /// The attributes (`ProfileFieldGroup` and other field groups), a JSON object.
    public var attributes: JSONValue
    /// Whether the person may enter journeys in test mode.
    public var isTestProfile: Bool
    /// The person's IANA time zone, for journeys that use the profile's zone.
    public var timeZone: String?
    /// When it last changed, milliseconds since the epoch.
    public var updatedAt: Int64

    public init(
        key: ProfileKey, identities: [ProfileKey] = [], attributes: JSONValue = .object(OrderedFields()),
        isTestProfile: Bool = false, timeZone: String? = nil, updatedAt: Int64
    ) {
        self.key = key
        self.identities = identities
        self.attributes = attributes
        self.isTestProfile = isTestProfile
        self.timeZone = timeZone
        self.updatedAt = updatedAt
    }
}

/// A change to one field of a profile (the update-profile node).
public struct ProfileFieldUpdate: Hashable, Sendable {
    public var profile: ProfileKey
    /// Dotted path inside the attributes, e.g. `loyalty.tier`.
    public var path: String
    public var value: JSONValue

    public init(profile: ProfileKey, path: String, value: JSONValue) {
        self.profile = profile
        self.path = path
        self.value = value
    }
}

/// Everything one partition worker's batch changes, committed in ONE transaction.
///
/// The store checks `leaseGeneration` against the partition's lease before writing anything
/// (fencing): a worker that lost its lease cannot write.
public struct PartitionCommit: Hashable, Sendable {
    public var partition: Int
    public var leaseGeneration: Int64
    /// Inbox entries processed by this batch, removed from the inbox.
    public var consumedInbox: [Int64] = []
    /// The `_id`s of the external events this batch accepted straight from ingestion (not
    /// through the inbox), recorded like accepted inbox entries of kind `event`: an id accepted
    /// before makes the commit throw `.constraint` and write nothing.
    public var acceptedEventIDs: [String] = []
    /// New and changed instances (an ended instance is upserted with `isActive == false`), with
    /// their timers: an instance's timers are replaced by those of its record.
    public var instances: [InstanceRecord] = []
    public var outbox: [OutboxRecord] = []
    /// New inbox entries (internal events such as jumps), appended in the same transaction.
    public var inbox: [InboxEntry] = []
    public var stepEvents: [StepEvent] = []
    public var discards: [DiscardRecord] = []
    public var profileUpdates: [ProfileFieldUpdate] = []
    /// Increments of named counters (e.g. a profile cap's entrants), by counter name.
    public var counterIncrements: [String: Int64] = [:]

    public init(partition: Int, leaseGeneration: Int64) {
        self.partition = partition
        self.leaseGeneration = leaseGeneration
    }
}

/// The outcome of a completed outbox row, appended to the inbox as the row is removed.
public struct OutboxCompletion: Hashable, Sendable {
    /// The outbox row done.
    public var outboxID: String
    /// The result to deliver to the instance (`kind` `actionResult` or `fetchResult`).
    public var result: InboxEntry
    /// The call to keep for operators when its final result is an error; written in the same
    /// transaction.
    public var failedCall: FailedCallRecord?

    public init(outboxID: String, result: InboxEntry, failedCall: FailedCallRecord? = nil) {
        self.outboxID = outboxID
        self.result = result
        self.failedCall = failedCall
    }
}
