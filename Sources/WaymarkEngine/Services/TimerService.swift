import Logging
import ServiceLifecycle
import WaymarkStore

/// Fires due timers: sleeps on the clock until the next timer is due, then moves every due timer
/// into the inbox in batches and wakes the partition workers.
///
/// Only the next due instant is held in memory, never a task per waiting person; a commit that
/// adds an earlier timer rings the service's doorbell so it looks again.
package struct TimerService: Service {
    let store: any WaymarkStore
    let clock: any EngineClock
    let configuration: EngineConfiguration
    let doorbells: Doorbells
    let logger: Logger

    package init(
        store: any WaymarkStore, clock: any EngineClock, configuration: EngineConfiguration, doorbells: Doorbells,
        logger: Logger
    ) {
        self.store = store
        self.clock = clock
        self.configuration = configuration
        self.doorbells = doorbells
        self.logger = logger
    }

    /// Fires every timer due at the clock's current instant, `timerBatchSize` per transaction.
    /// - Returns: how many fired.
    @discardableResult
    package func fireDueTimers() async throws(StoreError) -> Int {
        let now = clock.now()
        var fired = 0
        while true {
            let count = try await store.fireDueTimers(now: now, partitions: nil, limit: configuration.timerBatchSize)
            fired += count
            if count > 0 { doorbells.ringAllWorkers() }
            if count < configuration.timerBatchSize { return fired }
        }
    }

    package func run() async throws {
        await ServiceLoop.run(
            name: "timer service", doorbell: doorbells.timers, clock: clock, pollInterval: configuration.idlePollInterval,
            logger: logger
        ) {
            try await fireDueTimers()
            return .init(didWork: false, nextDeadline: try await store.nextTimerDue(partitions: nil))
        }
    }
}
