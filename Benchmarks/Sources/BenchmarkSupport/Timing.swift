#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seconds of CPU time the calling thread has used.
public func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// `value` with three decimals, e.g. `1.250`.
public func formatted(_ value: Double) -> String {
    let thousandths = Int((value * 1000).rounded())
    let fraction = String(thousandths % 1000)
    return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
}

/// The wall-clock and thread-CPU seconds one run of `body` took.
public struct Timing: Sendable {
    /// Seconds on the wall clock (includes time the thread waited for a core).
    public var wall: Double
    /// Seconds of CPU the thread used.
    public var cpu: Double

    /// Runs `body` once and measures it.
    public static func measure(_ body: () throws -> Void) rethrows -> Timing {
        let cpuStart = threadCPUSeconds()
        let elapsed = try ContinuousClock().measure(body)
        let cpu = threadCPUSeconds() - cpuStart
        return Timing(wall: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, cpu: cpu)
    }

    /// The faster of two timings, wall and CPU each.
    public func best(_ other: Timing) -> Timing { Timing(wall: min(wall, other.wall), cpu: min(cpu, other.cpu)) }

    /// No run yet: infinitely slow.
    public static let none = Timing(wall: .infinity, cpu: .infinity)

    /// `ns per operation, operations/s` for `count` operations, wall and CPU.
    public func summary(of count: Int, unit: String) -> String {
        let count = Double(count)
        return "CPU \(formatted(cpu / count * 1e9)) ns = \(Int(count / cpu)) \(unit)/s, "
            + "wall \(formatted(wall / count * 1e9)) ns = \(Int(count / wall)) \(unit)/s"
    }
}
