import WaymarkStore

extension Engine {
    /// Runs every partition worker at once until every inbox is empty, without moving the clock
    /// (benchmarks, the crash test): the throughput path of `runUntilIdle`.
    /// - Returns: how many inbox entries were handled.
    @discardableResult
    package func drainInboxes() async throws(EngineError) -> Int {
        do {
            return try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in workers {
                    group.addTask {
                        var handled = 0
                        while true {
                            let count = try await worker.processBatch()
                            if count == 0 { return handled }
                            handled += count
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
        } catch {
            throw EngineError(.store, "\(error)")
        }
    }

    /// Fires every timer due now (the timer service's round).
    @discardableResult
    package func fireDueTimers() async throws(EngineError) -> Int {
        do {
            return try await timerService.fireDueTimers()
        } catch {
            throw EngineError(.store, "\(error)")
        }
    }

    /// Runs the available outbox rows until none is left (the dispatcher's rounds).
    @discardableResult
    package func dispatchOutbox() async throws(EngineError) -> Int {
        var total = 0
        do {
            while true {
                let count = try await dispatcher.dispatchAvailable()
                if count == 0 { return total }
                total += count
            }
        } catch {
            throw EngineError(.store, "\(error)")
        }
    }
}
