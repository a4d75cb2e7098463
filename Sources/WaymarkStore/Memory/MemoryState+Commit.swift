import WaymarkCore

extension MemoryState {
    /// Applies partition batches; the caller rolls the journal back when this throws.
    mutating func commit(_ batches: [PartitionCommit], _ journal: inout Journal) throws(StoreError) {
        for batch in batches {
            let current = leases[batch.partition]?.generation ?? 0
            guard current == batch.leaseGeneration else {
                throw StoreError(
                    .leaseLost,
                    "partition \(batch.partition): lease generation \(batch.leaseGeneration) is not the current \(current)")
            }
        }
        for batch in batches { try apply(batch, &journal) }
    }

    private mutating func apply(_ batch: PartitionCommit, _ journal: inout Journal) throws(StoreError) {
        for sequence in batch.consumedInbox { consumeInbox(partition: batch.partition, sequence: sequence, &journal) }
        for id in batch.acceptedEventIDs { try acceptEvent(id, &journal) }
        for instance in batch.instances { try upsertInstance(instance, &journal) }
        for row in batch.outbox { try addOutbox(row, &journal) }
        for entry in batch.inbox { _ = appendToInbox(entry, &journal) }
        for event in batch.stepEvents {
            append(\.stepEvents, event, &journal)
            set(\.stepEventsByInstance, event.instanceID, stepEventsByInstance[event.instanceID, default: []] + [stepEvents.count - 1], &journal)
        }
        for discard in batch.discards { append(\.discards, discard, &journal) }
        for update in batch.profileUpdates { try applyProfileUpdate(update, &journal) }
        let increments = batch.counterIncrements.merging(ReportCounters.increments(of: batch.stepEvents, discards: batch.discards), uniquingKeysWith: +)
        for (name, increment) in increments.sorted(by: { $0.key < $1.key }) {
            set(\.counters, name, (counters[name] ?? 0) + increment, &journal)
        }
    }

    /// Takes or renews a partition lease (see `LeaseStore.acquireLease`).
    mutating func acquireLease(partition: Int, owner: String, now: Int64, expiresAt: Int64, _ journal: inout Journal) -> Int64? {
        let generation: Int64
        if let lease = leases[partition] {
            if lease.owner == owner {
                generation = lease.generation
            } else if lease.expiresAt > now {
                return nil
            } else {
                generation = lease.generation + 1
            }
        } else {
            generation = 1
        }
        set(\.leases, partition, Lease(owner: owner, generation: generation, expiresAt: expiresAt), &journal)
        return generation
    }
}
