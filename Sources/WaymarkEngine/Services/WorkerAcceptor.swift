import WaymarkStore

/// The engine's acceptor: hands each event to its partition's worker, which routes it and
/// commits the outcome together with the acceptance (no inbox row is written for it). The
/// partitions work in parallel; results come back in the order of the events.
struct WorkerAcceptor: EventAcceptor {
    let workers: [PartitionWorker]

    func accept(_ events: [SubmittedEvent]) async -> [Result<InboxAppendResult, StoreError>] {
        var positionsByPartition: [Int: [Int]] = [:]
        for (index, event) in events.enumerated() { positionsByPartition[event.entry.partition, default: []].append(index) }
        let groups = positionsByPartition.sorted { $0.key < $1.key }
        let outcomes = await withTaskGroup(of: (Int, Result<[InboxAppendResult], StoreError>).self) { group in
            for (number, (partition, positions)) in groups.enumerated() {
                let batch = positions.map { events[$0] }
                let worker = workers.indices.contains(partition) ? workers[partition] : nil
                group.addTask { (number, await Self.submit(batch, to: worker, partition: partition)) }
            }
            var outcomes = [Result<[InboxAppendResult], StoreError>?](repeating: nil, count: groups.count)
            for await (number, outcome) in group { outcomes[number] = outcome }
            return outcomes
        }
        var results = [Result<InboxAppendResult, StoreError>](repeating: .success(.duplicate), count: events.count)
        for (number, (_, positions)) in groups.enumerated() {
            guard let outcome = outcomes[number] else { continue }
            for (offset, index) in positions.enumerated() {
                results[index] = outcome.map { $0[offset] }
            }
        }
        return results
    }

    /// One partition's share, or a failure when the partition has no worker.
    private static func submit(
        _ events: [SubmittedEvent], to worker: PartitionWorker?, partition: Int
    ) async -> Result<[InboxAppendResult], StoreError> {
        guard let worker else { return .failure(StoreError(.constraint, "partition \(partition) has no worker")) }
        do {
            return .success(try await worker.submit(events))
        } catch {
            return .failure(error)
        }
    }
}
