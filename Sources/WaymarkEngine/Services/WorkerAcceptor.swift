import WaymarkStore

/// The engine's acceptor: hands each event to its partition's worker, which routes it and
/// commits the outcome together with the acceptance (no inbox row is written for it). The
/// partitions work in parallel; results come back in the order of the events.
struct WorkerAcceptor: EventAcceptor {
    let workers: [PartitionWorker]

    func accept(_ events: [SubmittedEvent]) async -> [Result<InboxAppendResult, StoreError>] {
        var positions: [Int: [Int]] = [:]
        for (index, event) in events.enumerated() { positions[event.entry.partition, default: []].append(index) }
        let parts: [(Int, Result<[InboxAppendResult], StoreError>)] = await withTaskGroup(
            of: (Int, Result<[InboxAppendResult], StoreError>).self
        ) { group in
            for (partition, indices) in positions {
                guard workers.indices.contains(partition) else {
                    let problem = StoreError(.constraint, "partition \(partition) has no worker (there are \(workers.count))")
                    group.addTask { (partition, .failure(problem)) }
                    continue
                }
                let worker = workers[partition]
                let batch = indices.map { events[$0] }
                group.addTask {
                    do throws(StoreError) {
                        return (partition, .success(try await worker.submit(batch)))
                    } catch {
                        return (partition, .failure(error))
                    }
                }
            }
            var done: [(Int, Result<[InboxAppendResult], StoreError>)] = []
            for await part in group { done.append(part) }
            return done
        }
        var results = [Result<InboxAppendResult, StoreError>](repeating: .success(.duplicate), count: events.count)
        for (partition, result) in parts {
            for (position, index) in positions[partition]!.enumerated() {
                results[index] = result.map { $0[position] }
            }
        }
        return results
    }
}
