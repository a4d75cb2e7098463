/// The doorbells of the engine's services: one per partition worker, one for the timer service
/// and one for the outbox dispatcher. Whoever adds work rings the bell of who does it.
package struct Doorbells: Sendable {
    /// One per partition, rung when entries are added to its inbox.
    package let workers: [Doorbell]
    /// Rung when a commit adds timers (one may be earlier than the one the service waits for).
    package let timers = Doorbell()
    /// Rung when a commit adds outbox rows.
    package let outbox = Doorbell()

    /// Creates the doorbells for `partitionCount` partitions.
    package init(partitionCount: Int) {
        workers = (0..<partitionCount).map { _ in Doorbell() }
    }

    /// Rings the workers of `partitions`.
    package func ringWorkers<Partitions: Sequence<Int>>(of partitions: Partitions) {
        for partition in Set(partitions) where workers.indices.contains(partition) { workers[partition].ring() }
    }

    /// Rings every worker.
    package func ringAllWorkers() {
        for worker in workers { worker.ring() }
    }
}
