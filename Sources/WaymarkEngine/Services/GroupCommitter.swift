import Synchronization
import WaymarkStore

/// Commits the partition workers' batches together: batches that arrive while a transaction is
/// being written go into the next one, so concurrent partitions share transactions (fewer
/// commits, fewer WAL writes of the same pages, fewer fsyncs). Whoever finds it idle writes
/// transactions until nothing waits; the others wait for their batch's outcome.
///
/// When a shared transaction fails, each of its batches is committed again on its own, so one
/// batch's refusal (a lease lost, an event accepted before) does not fail the others.
package final class GroupCommitter: Sendable {
    private struct Waiting {
        let batch: PartitionCommit
        let completion: Completion<Void>
    }

    private struct State {
        var waiting: [Waiting] = []
        var busy = false
    }

    private let store: any WaymarkStore
    private let state = Mutex(State())

    package init(store: any WaymarkStore) {
        self.store = store
    }

    /// Commits `batch`, alone or with others; returns when it is durable.
    /// - Throws: the store's refusal or failure for this batch.
    package func commit(_ batch: PartitionCommit) async throws(StoreError) {
        let completion = Completion<Void>()
        let leads = state.withLock { state in
            state.waiting.append(Waiting(batch: batch, completion: completion))
            if state.busy { return false }
            state.busy = true
            return true
        }
        if leads { await writeWhileWaiting() }
        try await completion.value()
    }

    private func writeWhileWaiting() async {
        while true {
            let group = state.withLock { state in
                defer { state.waiting = [] }
                if state.waiting.isEmpty { state.busy = false }
                return state.waiting
            }
            if group.isEmpty { return }
            do {
                try await store.commit(group.map(\.batch))
                for member in group { member.completion.finish(.success(())) }
            } catch {
                guard group.count > 1 else {
                    group[0].completion.finish(.failure(error))
                    continue
                }
                for member in group {
                    do {
                        try await store.commit([member.batch])
                        member.completion.finish(.success(()))
                    } catch {
                        member.completion.finish(.failure(error))
                    }
                }
            }
        }
    }
}
