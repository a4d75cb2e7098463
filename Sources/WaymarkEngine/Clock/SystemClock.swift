import Foundation

/// The wall clock.
public struct SystemClock: EngineClock {
    /// Creates the wall clock.
    public init() {}

    /// Milliseconds since the epoch now.
    public func now() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// Sleeps until `deadline` on the wall clock.
    public func sleep(until deadline: Int64) async throws {
        let remaining = deadline - now()
        guard remaining > 0 else {
            try Task.checkCancellation()
            return
        }
        try await Task.sleep(for: .milliseconds(remaining))
    }
}
