import Synchronization
import WaymarkStore

/// Accepts events into the store's durable inbox, the calls that arrive while one append is
/// committing merged into the next append (one transaction, one fsync for all of them), then
/// rings the workers of their partitions, which route them at their own pace.
///
/// Acceptance is then bounded by the inbox's insert rate, not by routing: a burst is accepted
/// at once and worked off behind. Every call's events are durable when it returns.
final class InboxGroupAcceptor: EventAcceptor {
    private typealias Waiter = (events: [SubmittedEvent], continuation: CheckedContinuation<[Result<InboxAppendResult, StoreError>], Never>)

    private struct State {
        var waiting: [Waiter] = []
        var appending = false
    }

    private let inbox: InboxAcceptor
    private let doorbells: Doorbells
    private let state = Mutex(State())

    init(store: any WaymarkStore, doorbells: Doorbells) {
        inbox = InboxAcceptor(store: store)
        self.doorbells = doorbells
    }

    func accept(_ events: [SubmittedEvent]) async -> [Result<InboxAppendResult, StoreError>] {
        guard !events.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            let leads = state.withLock { state in
                state.waiting.append((events, continuation))
                defer { state.appending = true }
                return !state.appending
            }
            if leads { Task { await appendWhileWaiting() } }
        }
    }

    /// Appends everything waiting in one go, again until nothing waits.
    private func appendWhileWaiting() async {
        while true {
            let group = state.withLock { state in
                let group = state.waiting
                state.waiting.removeAll(keepingCapacity: true)
                if group.isEmpty { state.appending = false }
                return group
            }
            guard !group.isEmpty else { return }
            let results = await inbox.accept(group.flatMap(\.events))
            var start = 0
            for waiter in group {
                waiter.continuation.resume(returning: Array(results[start..<(start + waiter.events.count)]))
                start += waiter.events.count
            }
            let accepted = zip(group.flatMap(\.events), results).compactMap { event, result -> Int? in
                if case .success(.accepted) = result { return event.entry.partition }
                return nil
            }
            doorbells.ringWorkers(of: accepted)
        }
    }
}
