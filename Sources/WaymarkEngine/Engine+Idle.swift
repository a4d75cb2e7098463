import WaymarkStore

extension Engine {
    /// What `runUntilIdle` did.
    public struct IdleReport: Hashable, Sendable {
        /// Inputs handled by the workers (inbox entries, fired timers).
        public var inputs = 0
        /// Timers fired.
        public var timersFired = 0
        /// External calls run.
        public var calls = 0
        /// The instant the clock reads at the end.
        public var now: Int64 = 0
    }

    /// Does all the work there is, without the services running: every partition's inbox and
    /// due timers, every available outbox row; on a `VirtualClock` it then moves the clock to the
    /// next due timer and goes on, until no timer is due at or before `limit` (`nil`: until no
    /// timer is left), and finally moves the clock to `limit`.
    ///
    /// This is how `simulate` and tests run the engine: time jumps from timer to timer, so a
    /// 30-day journey runs in milliseconds. On another clock it only does what is due now.
    /// - Throws: `EngineError` `store` when the store fails, `notIdle` after `maximumRounds`
    ///   rounds with work left.
    @discardableResult
    public func runUntilIdle(until limit: Int64? = nil, maximumRounds: Int = 1_000_000) async throws(EngineError) -> IdleReport {
        var report = IdleReport()
        let virtualClock = clock as? VirtualClock
        var rounds = 0
        do {
            while true {
                var worked = true
                while worked {
                    rounds += 1
                    guard rounds <= maximumRounds else {
                        throw EngineError(.notIdle, "still busy after \(maximumRounds) rounds at \(clock.now())")
                    }
                    worked = false
                    for worker in workers {
                        let done = try await worker.processAvailable()
                        report.inputs += done.inputs
                        report.timersFired += done.timersFired
                        worked = worked || done.inputs > 0
                    }
                    let calls = try await dispatcher.dispatchAvailable()
                    report.calls += calls
                    worked = worked || calls > 0
                }
                guard let virtualClock, let next = try await store.nextTimerDue(partitions: nil) else { break }
                if let limit, next > limit { break }
                virtualClock.advance(to: next)
            }
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError(.store, "\(error)")
        }
        if let limit { virtualClock?.advance(to: limit) }
        report.now = clock.now()
        return report
    }
}
