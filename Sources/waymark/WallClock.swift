import Foundation

/// The system clock, read only at the command line's edge.
enum WallClock {
    /// Milliseconds since 1970-01-01T00:00:00Z now.
    static func epochMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
