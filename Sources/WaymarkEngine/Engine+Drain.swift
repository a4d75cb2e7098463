import WaymarkStore

extension Engine {
    /// Runs every partition worker at once until none has work left (inbox entries, due timers),
    /// without moving the clock (benchmarks, the crash test).
    /// - Returns: what the workers did.
    @discardableResult
    package func drainWorkers() async throws(EngineError) -> PartitionWorker.BatchReport {
        do {
            return try await withThrowingTaskGroup(of: PartitionWorker.BatchReport.self) { group in
                for worker in workers {
                    group.addTask { try await worker.processAvailable() }
                }
                var total = PartitionWorker.BatchReport()
                for try await report in group {
                    total.inputs += report.inputs
                    total.timersFired += report.timersFired
                }
                return total
            }
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
