import Synchronization
import Testing
import WaymarkCore
import WaymarkStore

@testable import WaymarkEngine

/// Partition batches that arrive while a transaction is written share the next one; a batch the
/// store refuses fails alone.
@Suite struct GroupCommitterTests {
    static func batch(partition: Int, accepting id: String) -> PartitionCommit {
        var batch = PartitionCommit(partition: partition, leaseGeneration: 0)
        batch.acceptedEventIDs = [id]
        return batch
    }

    @Test func batchesArrivingDuringACommitShareTheNextTransaction() async throws {
        let memory: any WaymarkStore = MemoryStore()
        let transactions = Mutex<[[Int]]>([])
        let gate = Doorbell()
        let store = CrashingStore(memory, failingEvery: .max) { batches in
            let first = transactions.withLock { list in
                list.append(batches.map(\.partition))
                return list.count == 1
            }
            if first { await gate.wait() }  // the first transaction is held until the others queue up
        }
        let committer = GroupCommitter(store: store)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await committer.commit(Self.batch(partition: 0, accepting: "a")) }
            while transactions.withLock({ $0.isEmpty }) { await Task.yield() }
            for partition in 1...4 {
                group.addTask { try await committer.commit(Self.batch(partition: partition, accepting: "e\(partition)")) }
            }
            // Every later batch waits in the queue before the first transaction is let go.
            try await Task.sleep(for: .milliseconds(50))
            gate.ring()
            try await group.waitForAll()
        }
        let written = transactions.withLock { $0 }
        #expect(written.count == 2)
        #expect(written.first == [0])
        #expect(written.last.map(Set.init) == [1, 2, 3, 4])
        #expect(try await memory.acceptedEventIDs(among: ["a", "e1", "e2", "e3", "e4"]).count == 5)
    }

    @Test func aRefusedBatchFailsAloneAndTheOthersAreCommitted() async throws {
        let memory: any WaymarkStore = MemoryStore()
        try await memory.commit([Self.batch(partition: 9, accepting: "seen")])
        let gate = Doorbell()
        let calls = Mutex(0)
        let store = CrashingStore(memory, failingEvery: .max) { _ in
            if calls.withLock({ $0 += 1; return $0 }) == 1 { await gate.wait() }
        }
        let committer = GroupCommitter(store: store)
        let outcomes = try await withThrowingTaskGroup(of: (Int, StoreError.Code?).self) { group in
            group.addTask { try await committer.commit(Self.batch(partition: 0, accepting: "first")); return (0, nil) }
            while calls.withLock({ $0 }) == 0 { await Task.yield() }
            for (partition, id) in [(1, "new"), (2, "seen"), (3, "other")] {
                group.addTask {
                    do throws(StoreError) {
                        try await committer.commit(Self.batch(partition: partition, accepting: id))
                        return (partition, nil)
                    } catch {
                        return (partition, error.code)
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(50))
            gate.ring()
            var outcomes: [Int: StoreError.Code?] = [:]
            for try await (partition, code) in group { outcomes[partition] = code }
            return outcomes
        }
        #expect(outcomes == [0: nil, 1: nil, 2: StoreError.Code.constraint, 3: nil])
        #expect(try await memory.acceptedEventIDs(among: ["first", "new", "other"]).count == 3)
    }
}
