#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The wall-clock and CPU seconds (all threads of the process) an operation took.
struct Measured {
    var wall: Double
    var cpu: Double

    /// Runs `operation` and measures it.
    static func run<Failure: Error>(_ operation: () async throws(Failure) -> Void) async throws(Failure) -> Measured {
        let wallStart = ContinuousClock.now
        let cpuStart = processCPUSeconds()
        try await operation()
        let (seconds, attoseconds) = (ContinuousClock.now - wallStart).components
        return Measured(
            wall: max(1e-9, Double(seconds) + Double(attoseconds) / 1e18), cpu: max(1e-9, processCPUSeconds() - cpuStart))
    }

    /// The CPU time used by the process so far.
    private static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
