/// The time every part of the engine reads: milliseconds since the epoch, and sleeping until an
/// instant.
///
/// The engine never reads the wall clock directly. `SystemClock` serves in production;
/// `VirtualClock` serves `simulate`, test mode and tests, where time moves only when told.
public protocol EngineClock: Sendable {
    /// The current instant, milliseconds since 1970-01-01T00:00:00Z.
    func now() -> Int64

    /// Suspends until `deadline` (milliseconds since the epoch) is reached.
    /// - Throws: `CancellationError` when the task is cancelled first.
    func sleep(until deadline: Int64) async throws
}
