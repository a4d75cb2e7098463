import Logging
import ServiceLifecycle
import WaymarkStore

/// Wakes the partition workers when timers fall due: sleeps on the clock until the earliest
/// timer of any instance is due, then rings every worker (each fires its partition's due timers
/// in its batches, from the instances' due index).
///
/// Only the next due instant is held in memory, never a task per waiting person; a commit that
/// sets timers rings the service's doorbell so it looks again.
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

    /// Rings the workers when a timer is due now.
    /// - Returns: when to look again: the next due instant, or shortly when timers are due now
    ///   (the workers are on them and ring back with each commit).
    package func round() async throws(StoreError) -> Int64? {
        guard let next = try await store.nextTimerDue(partitions: nil) else { return nil }
        let now = clock.now()
        guard next <= now else { return next }
        doorbells.ringAllWorkers()
        return now + configuration.idlePollInterval
    }

    package func run() async throws {
        await ServiceLoop.run(
            name: "timer service", doorbell: doorbells.timers, clock: clock, pollInterval: configuration.idlePollInterval,
            logger: logger
        ) {
            .init(didWork: false, nextDeadline: try await round())
        }
    }
}
