import GRDB
import WaymarkCore
import WaymarkStore

extension SQLiteStore {
    /// Commits partition batches in one transaction, checking every batch's lease generation first.
    public func commit(_ batches: [PartitionCommit]) async throws(StoreError) {
        let created = try await write("committing \(batches.count) partition batches") { db in
            let lease = try db.cachedStatement(sql: "SELECT generation FROM leases WHERE partition = ?")
            for batch in batches {
                let current = try Int64.fetchOne(lease, arguments: [batch.partition]) ?? 0
                guard current == batch.leaseGeneration else {
                    throw StoreError(
                        .leaseLost,
                        "partition \(batch.partition): lease generation \(batch.leaseGeneration) is not the current \(current)")
                }
            }
            var context = SQLiteCommitContext()
            for batch in batches { try self.apply(batch, &context, db) }
            return context.nodes
        }
        stepNodes.withLock { $0.merge(created) { cached, _ in cached } }
    }

    private func apply(_ batch: PartitionCommit, _ context: inout SQLiteCommitContext, _ db: Database) throws {
        var consume = try FastStatement(db, sql: "DELETE FROM inbox WHERE sequence = ? AND partition = ?")
        for sequence in batch.consumedInbox {
            consume.bind(sequence)
            consume.bind(batch.partition)
            try consume.run()
        }
        try Self.accept(eventIDs: batch.acceptedEventIDs, db)
        var instances = try SQLiteInstanceWriter(db)
        for instance in batch.instances {
            guard let reference = try instances.write(instance) else { continue }
            context.instances[instance.instanceID] = SQLiteCommitContext.InstanceReference(reference: reference, profile: instance.profile)
        }
        for row in batch.outbox { try Self.add(row, db) }
        _ = try Self.append(batch.inbox, db)
        try insert(batch.stepEvents, &context, db)
        for discard in batch.discards { try Self.insert(discard, db) }
        for update in batch.profileUpdates { try Self.apply(update, db) }
        var increment = try FastStatement(
            db, sql: "INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value")
        let increments = batch.counterIncrements.merging(
            ReportCounters.increments(of: batch.stepEvents, discards: batch.discards), uniquingKeysWith: +)
        for (name, amount) in increments {
            increment.bind(name)
            increment.bind(amount)
            try increment.run()
        }
    }
}
