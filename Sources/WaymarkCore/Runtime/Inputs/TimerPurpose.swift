/// Why a timer of an instance was scheduled: what its firing means.
public enum TimerPurpose: UInt8, Hashable, Sendable, CaseIterable {
    /// A wait node's time is up.
    case waitEnd = 1
    /// A waiting event node's timeout expired.
    case eventTimeout = 2
    /// A reaction node's timeout expired.
    case reactionTimeout = 3
    /// The journey's global timeout: the instance ends `instanceTimedout`.
    case globalTimeout = 4
    /// The journey's end date: the instance ends.
    case journeyEnd = 5
}
