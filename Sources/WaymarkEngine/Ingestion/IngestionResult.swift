import WaymarkCore

/// What became of one event of an `ingest` call.
public struct IngestionResult: Hashable, Sendable {
    /// The event's fate.
    public enum Status: String, Hashable, Sendable {
        /// Durable (acknowledged): routed and committed, or waiting in the inbox; `entries` say where.
        case accepted
        /// Its `_id` was accepted before: nothing written (`entries` name the configs, without sequence).
        case duplicate
        /// Refused: `errors` say why and where; nothing written. `storeUnavailable` may be retried.
        case rejected
        /// Read and valid but routed nowhere: kept in the discard dataset with `discards`' reasons.
        case discarded
    }

    /// Where an accepted (or duplicate) event went, one per matched event config.
    public struct Entry: Hashable, Sendable {
        /// The inbox sequence; 0 when the event was routed and committed at once (the engine's
        /// path); `nil` for a duplicate.
        public var sequence: Int64?
        /// The event config's name.
        public var eventName: String
        /// The person it concerns.
        public var profile: ProfileKey
        /// The partition of `profile`.
        public var partition: Int

        /// Creates an entry.
        public init(sequence: Int64?, eventName: String, profile: ProfileKey, partition: Int) {
            self.sequence = sequence
            self.eventName = eventName
            self.profile = profile
            self.partition = partition
        }
    }

    /// The event's position in the batch, from 0.
    public var index: Int
    /// The event's `_id` (given or generated); `nil` when the event could not be read.
    public var eventID: String?
    /// Whether `_id` was missing and a UUID generated: such an event cannot be deduplicated.
    public var idWasGenerated: Bool
    /// The event's fate.
    public var status: Status
    /// Where it went (accepted, duplicate).
    public var entries: [Entry]
    /// Why it was refused (rejected), at least one.
    public var errors: [IngestionError]
    /// Why it went nowhere (discarded), or matched configs whose key could not be computed (accepted).
    public var discards: [EventDiscard]

    /// Creates a result.
    public init(
        index: Int, eventID: String?, idWasGenerated: Bool = false, status: Status, entries: [Entry] = [],
        errors: [IngestionError] = [], discards: [EventDiscard] = []
    ) {
        self.index = index
        self.eventID = eventID
        self.idWasGenerated = idWasGenerated
        self.status = status
        self.entries = entries
        self.errors = errors
        self.discards = discards
    }
}
