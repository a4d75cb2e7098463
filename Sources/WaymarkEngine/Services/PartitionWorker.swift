import Logging
import ServiceLifecycle
import Synchronization
import WaymarkCore
import WaymarkStore

/// The one serial worker of a partition: reads its inbox in batches, loads the batch's people
/// (instances, profiles) in one go, routes every input through the pure state machine and
/// commits everything the batch changed in ONE transaction. It never awaits network I/O.
package final class PartitionWorker: Service {
    /// The partition it owns.
    package let partition: Int
    private let store: any WaymarkStore
    private let clock: any EngineClock
    private let configuration: EngineConfiguration
    private let catalog: CatalogHolder
    private let doorbells: Doorbells
    private let random: any RandomSource
    private let logger: Logger
    /// The last inbox sequence handled (entries are removed by the commit) and the lease generation.
    private let position = Mutex<(sequence: Int64, leaseGeneration: Int64?)>((0, nil))

    package init(
        partition: Int, store: any WaymarkStore, clock: any EngineClock, configuration: EngineConfiguration,
        catalog: CatalogHolder, doorbells: Doorbells, random: any RandomSource, logger: Logger
    ) {
        self.partition = partition
        self.store = store
        self.clock = clock
        self.configuration = configuration
        self.catalog = catalog
        self.doorbells = doorbells
        self.random = random
        self.logger = logger
    }

    /// Handles one batch of the inbox (up to `workerBatchSize` entries) and commits it.
    /// - Returns: how many entries it handled (0 when the inbox of the partition is empty).
    @discardableResult
    package func processBatch() async throws(StoreError) -> Int {
        let (after, knownGeneration) = position.withLock { $0 }
        let entries = try await store.inboxEntries(partition: partition, after: after, limit: configuration.workerBatchSize)
        guard let last = entries.last else { return 0 }
        let generation = try await leaseGeneration(known: knownGeneration)
        let catalog = catalog.current
        let people = Array(Set(entries.map(\.profile)))
        let instances = try await store.instances(of: people)
        let profiles = catalog.readsProfiles ? try await store.profiles(people) : [:]
        var counters: [String: Int64] = [:]
        for name in catalog.counterNames { counters[name] = try await store.counter(name) }
        var router = BatchRouter(
            partition: partition, leaseGeneration: generation, catalog: catalog, configuration: configuration,
            now: clock.now(), random: random, instances: instances, profiles: profiles, counters: counters)
        let commit = router.route(entries)
        do {
            try await store.commit([commit])
        } catch {
            // Start over from the store's state: the batch is still in the inbox.
            position.withLock { $0 = (0, error.code == .leaseLost ? nil : $0.leaseGeneration) }
            throw error
        }
        position.withLock { $0.sequence = last.sequence }
        if !commit.timersToAdd.isEmpty { doorbells.timers.ring() }
        if !commit.outbox.isEmpty { doorbells.outbox.ring() }
        if !commit.inbox.isEmpty { doorbells.ringWorkers(of: commit.inbox.map(\.partition)) }
        return entries.count
    }

    /// The generation of this node's lease on the partition, taken on first use.
    private func leaseGeneration(known: Int64?) async throws(StoreError) -> Int64 {
        if let known { return known }
        let now = clock.now()
        guard
            let generation = try await store.acquireLease(
                partition: partition, owner: configuration.nodeID, now: now, expiresAt: now + configuration.leaseDuration)
        else {
            throw StoreError(.leaseLost, "partition \(partition) is leased by another node")
        }
        position.withLock { $0.leaseGeneration = generation }
        return generation
    }

    package func run() async throws {
        await ServiceLoop.run(
            name: "partition worker \(partition)", doorbell: doorbells.workers[partition], clock: clock,
            pollInterval: configuration.idlePollInterval, logger: logger
        ) {
            .init(didWork: try await self.processBatch() > 0)
        }
    }
}
