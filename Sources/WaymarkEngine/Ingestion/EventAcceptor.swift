import WaymarkCore
import WaymarkStore

/// An event ingestion accepts, on its way to its partition: the entry (as the inbox would keep
/// it) and the event already parsed.
public struct SubmittedEvent: Sendable {
    /// The entry: partition, idempotency key, event name, profile, bytes, receive time.
    public var entry: InboxEntry
    /// The event as parsed by ingestion (the same as parsing `entry.payload`).
    public var payload: JSONValue

    /// Creates a submitted event.
    public init(entry: InboxEntry, payload: JSONValue) {
        self.entry = entry
        self.payload = payload
    }
}

/// Where ingestion hands accepted events, durably before it returns: the durable inbox
/// (`InboxAcceptor`), or the partition workers, which route them and commit the outcome with
/// the acceptance in one transaction (the engine's path).
public protocol EventAcceptor: Sendable {
    /// Accepts events in one go; an event whose `eventID` was accepted before is `.duplicate`,
    /// one that could not be stored a failure (some may fail while others are accepted). Results
    /// are in the order of `events`; everything `accepted` is durable when this returns.
    func accept(_ events: [SubmittedEvent]) async -> [Result<InboxAppendResult, StoreError>]
}

/// Accepts events into the store's durable inbox (one transaction), for a worker to route later.
public struct InboxAcceptor: EventAcceptor {
    /// The store whose inbox receives the events.
    public let store: any WaymarkStore

    /// Creates an acceptor over `store`'s inbox.
    public init(store: any WaymarkStore) {
        self.store = store
    }

    public func accept(_ events: [SubmittedEvent]) async -> [Result<InboxAppendResult, StoreError>] {
        do {
            return try await store.appendToInbox(events.map(\.entry)).map { .success($0) }
        } catch {
            return events.map { _ in .failure(error) }
        }
    }
}
