/// What the partition worker gives the runtime with each input: the clock, the person, and the
/// state of the world the journey reads.
public struct RuntimeContext: Sendable {
    /// The current instant, milliseconds since the epoch (from the injected clock).
    public var now: Int64
    /// The person's profile.
    public var profile: RuntimeProfile
    /// The audiences the person belongs to (`inAudience`).
    public var audiences: Set<String>
    /// Percentage splits and `random()`.
    public var random: any RandomSource
    /// Current values of named counters (profile caps: `RunnableJourney.profileCapCounter(nodeID:)`).
    public var counters: [String: Int64]
    /// Run in test mode even when the journey is not `draftTest` (the test console).
    public var testMode: Bool
    /// How long every wait and event timeout lasts in test mode, milliseconds (default 10 s).
    public var testDuration: Int64
    /// The journey version's current status when it differs from the one it was built with
    /// (closed, stopped); `nil` uses the built one.
    public var journeyStatus: JourneyStatus?

    /// Creates a context.
    public init(
        now: Int64, profile: RuntimeProfile = RuntimeProfile(), audiences: Set<String> = [],
        random: any RandomSource = StableRandom(), counters: [String: Int64] = [:], testMode: Bool = false,
        testDuration: Int64 = RuntimeContext.defaultTestDuration, journeyStatus: JourneyStatus? = nil
    ) {
        self.now = now
        self.profile = profile
        self.audiences = audiences
        self.random = random
        self.counters = counters
        self.testMode = testMode
        self.testDuration = testDuration
        self.journeyStatus = journeyStatus
    }

    /// The default test duration: 10 s.
    public static let defaultTestDuration: Int64 = 10_000
}
