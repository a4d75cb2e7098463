import Synchronization
import WaymarkStore

/// Running totals of what the engine committed since it started, for metrics (`/metrics`).
public final class EngineMeter: Sendable {
    /// The totals at one instant.
    public struct Totals: Hashable, Sendable {
        /// Worker batches committed.
        public var commits = 0
        /// Inputs handled: events, inbox entries (call results, internal events) and fired timers.
        public var inputs = 0
        /// Timers fired.
        public var timersFired = 0
        /// Step events written.
        public var steps = 0
        /// People who entered a journey version.
        public var entrances = 0
        /// Instances that ended.
        public var exits = 0
        /// Calls queued in the outbox.
        public var callsQueued = 0
        /// Events discarded while routing.
        public var discards = 0
    }

    private let totals = Mutex(Totals())

    init() {}

    /// Adds what one committed batch did.
    func record(_ commit: PartitionCommit, inputs: Int, timersFired: Int) {
        let entrances = commit.stepEvents.count { $0.entrance }
        let exits = commit.stepEvents.count { $0.instanceEnded }
        totals.withLock { totals in
            totals.commits += 1
            totals.inputs += inputs
            totals.timersFired += timersFired
            totals.steps += commit.stepEvents.count
            totals.entrances += entrances
            totals.exits += exits
            totals.callsQueued += commit.outbox.count
            totals.discards += commit.discards.count
        }
    }

    /// The totals now.
    public var current: Totals { totals.withLock { $0 } }
}
