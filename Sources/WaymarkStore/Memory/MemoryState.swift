import WaymarkCore

/// Everything a `MemoryStore` holds, with journaled mutations.
struct MemoryState {
    /// An accepted inbox id: entries of the same kind and event id are accepted once.
    struct AcceptedID: Hashable {
        var kind: InboxKind
        var eventID: String
    }

    /// The place of a person in a journey (all versions): at most one active instance.
    struct JourneySlot: Hashable {
        var journeyID: String
        var profile: ProfileKey
    }

    /// A partition lease.
    struct Lease {
        var owner: String
        var generation: Int64
        var expiresAt: Int64
    }

    /// An outbox row with its write order (oldest first).
    struct OutboxRow {
        var record: OutboxRecord
        var order: Int64
    }

    typealias Journal = MemoryJournal<MemoryState>

    var lastSequence: Int64 = 0
    var accepted: Set<AcceptedID> = []
    /// Entries waiting, per partition, in sequence order.
    var inbox: [Int: [InboxEntry]] = [:]
    var inboxDepth = 0
    var instances: [String: InstanceRecord] = [:]
    /// Instance ids per profile, in the order first written.
    var instancesByProfile: [ProfileKey: [String]] = [:]
    var activeSlots: [JourneySlot: String] = [:]
    var outbox: [String: OutboxRow] = [:]
    var lastOutboxOrder: Int64 = 0
    var profiles: [ProfileKey: ProfileRecord] = [:]
    /// Every identity (primary keys and other identities) → the primary key of its profile.
    var identities: [ProfileKey: ProfileKey] = [:]
    var stepEvents: [StepEvent] = []
    var stepEventsByInstance: [String: [Int]] = [:]
    var discards: [DiscardRecord] = []
    var configs: [ConfigKey: ConfigDocument] = [:]
    var leases: [Int: Lease] = [:]
    var counters: [String: Int64] = [:]
    var failedCalls: [String: FailedCallRecord] = [:]
    /// The failed calls in list order.
    var failedCallOrder: [FailedCallKey] = []

    /// Sets `self[keyPath: table][key]`, recording the old value in `journal`.
    mutating func set<Key: Hashable, Value>(
        _ table: WritableKeyPath<MemoryState, [Key: Value]>, _ key: Key, _ value: Value?, _ journal: inout Journal
    ) {
        let old = self[keyPath: table].updateValue(forKey: key, to: value)
        journal.record { $0[keyPath: table].updateValue(forKey: key, to: old) }
    }

    /// Appends to `self[keyPath: list]`, recording the removal in `journal`.
    mutating func append<Element>(_ list: WritableKeyPath<MemoryState, [Element]>, _ element: Element, _ journal: inout Journal) {
        self[keyPath: list].append(element)
        journal.record { $0[keyPath: list].removeLast() }
    }
}

extension Dictionary {
    /// Sets or removes the value of `key`; returns the previous value.
    @discardableResult
    fileprivate mutating func updateValue(forKey key: Key, to value: Value?) -> Value? {
        if let value { return updateValue(value, forKey: key) }
        return removeValue(forKey: key)
    }
}
