import Foundation
import Logging
import Synchronization
import WaymarkCore
import WaymarkStore

/// Receives events: reads, checks, matches and keys each one, hands the accepted ones to its
/// `EventAcceptor` in one go (the durable inbox, or the engine's partition workers), and records
/// discards and the identities seen.
///
/// One `ingest` call is one acknowledgement: when it returns, every `accepted` event is
/// committed (the acceptor is durable), so the server may answer 202. Events are
/// independent: a bad one is rejected alone. A repeated `_id` is accepted once (the store's
/// idempotency). An event matching several configs gets one inbox entry per config; their
/// idempotency keys are `_id#eventName` (a single match uses `_id` itself).
///
/// Discard records are written with `WaymarkStore.commit` on partition `partitionCount`, one
/// past the worker partitions: no worker leases it, so its lease generation stays 0.
public final class Ingestion: Sendable {
    /// The store discards and profiles are written to.
    public let store: any WaymarkStore
    /// Where accepted events go.
    public let acceptor: any EventAcceptor
    /// The number of worker partitions events are spread over.
    public let partitionCount: Int
    /// Reads events (size limit).
    public let parser: EventParser
    private let configuration: @Sendable () async -> Configuration
    private let now: @Sendable () -> Int64
    private let makeID: @Sendable () -> String
    let logger: Logger
    private let catalogCache = Mutex<EventCatalog?>(nil)

    /// Creates an ingestion component.
    ///
    /// - Parameters:
    ///   - store: where discards and identities go.
    ///   - acceptor: where accepted events go (default: `store`'s durable inbox).
    ///   - partitionCount: the number of worker partitions (positive).
    ///   - maximumEventBytes: the size limit of one event (default 1 MB).
    ///   - configuration: the current configuration, asked once per call; the event catalog is
    ///     rebuilt only when it changes.
    ///   - now: the clock, milliseconds since the epoch (receive time, default timestamps).
    ///   - makeID: the `_id` of an event without one (default: a random lowercase UUID).
    ///   - logger: where failures to record identities are reported.
    public init(
        store: any WaymarkStore, acceptor: (any EventAcceptor)? = nil, partitionCount: Int,
        maximumEventBytes: Int = EventParser.defaultMaximumEventBytes,
        configuration: @escaping @Sendable () async -> Configuration, now: @escaping @Sendable () -> Int64,
        makeID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() },
        logger: Logger = Logger(label: "waymark.ingestion")
    ) {
        precondition(partitionCount > 0, "partition count must be positive")
        self.store = store
        self.acceptor = acceptor ?? InboxAcceptor(store: store)
        self.partitionCount = partitionCount
        self.parser = EventParser(maximumEventBytes: maximumEventBytes)
        self.configuration = configuration
        self.now = now
        self.makeID = makeID
        self.logger = logger
    }

    /// Creates an ingestion component over a fixed configuration.
    public convenience init(
        store: any WaymarkStore, partitionCount: Int, maximumEventBytes: Int = EventParser.defaultMaximumEventBytes,
        configuration: Configuration, now: @escaping @Sendable () -> Int64
    ) {
        self.init(
            store: store, partitionCount: partitionCount, maximumEventBytes: maximumEventBytes,
            configuration: { configuration }, now: now)
    }

    /// The partition discard records are committed on (never leased by a worker).
    public var discardPartition: Int { partitionCount }

    /// Ingests one event.
    public func ingest(_ event: [UInt8]) async -> IngestionResult {
        await ingest([event])[0]
    }

    /// Ingests a batch: one result per event, in order. Accepted events are durable when this returns.
    public func ingest(_ events: [[UInt8]]) async -> [IngestionResult] {
        let receivedAt = now()
        let catalog = await currentCatalog()
        let instant = ZonedDateTime(epochMilliseconds: receivedAt)
        var results: [IngestionResult] = []
        results.reserveCapacity(events.count)
        var routed: [RoutedEvent] = []
        var discards: [(result: Int, records: [DiscardRecord])] = []
        for (index, bytes) in events.enumerated() {
            let event: ReceivedEvent
            do {
                event = try parser.parse(bytes, receivedAt: receivedAt, makeID: makeID)
            } catch {
                results.append(IngestionResult(index: index, eventID: nil, status: .rejected, errors: [error]))
                continue
            }
            let classification = catalog.classify(event, now: instant)
            var result = IngestionResult(
                index: index, eventID: event.id, idWasGenerated: event.idWasGenerated, status: .discarded,
                errors: classification.problems, discards: classification.discards)
            switch classification.outcome {
            case .rejected: result.status = .rejected
            case .discarded: result.status = .discarded
            case .routed: routed.append(RoutedEvent(result: index, event: event, routes: classification.routes, sent: bytes))
            }
            if result.status != .rejected, !classification.discards.isEmpty {
                discards.append((index, classification.discards.map { $0.record(of: event, timestamp: receivedAt) }))
            }
            results.append(result)
        }
        let accepted = await accept(routed, receivedAt: receivedAt, results: &results)
        await recordDiscards(discards, results: &results)
        await recordIdentities(of: accepted, at: receivedAt)
        return results
    }

    /// The catalog of the current configuration, rebuilt only when its event configs changed
    /// (only they decide matching and keys; an unchanged array compares in constant time).
    private func currentCatalog() async -> EventCatalog {
        let configuration = await configuration()
        if let cached = catalogCache.withLock({ $0 }), cached.sourceEvents == configuration.events { return cached }
        let catalog = EventCatalog(configuration: configuration)
        catalogCache.withLock { $0 = catalog }
        return catalog
    }
}
