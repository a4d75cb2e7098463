/// The runnable journey versions of a configuration, indexed for routing: which versions an
/// event name starts, which ones wait for it, and every version by id.
public struct JourneyIndex: Sendable {
    /// Every runnable version, in configuration order.
    public let journeys: [RunnableJourney]
    /// The versions that could not be built, with why.
    public let failures: [RuntimeError]
    private let byVersion: [String: Int]
    private let starting: [String: [Int]]
    private let waiting: [String: [Int]]

    /// Indexes already built versions.
    public init(_ journeys: [RunnableJourney], failures: [RuntimeError] = []) {
        self.journeys = journeys
        self.failures = failures
        var byVersion: [String: Int] = [:]
        var starting: [String: [Int]] = [:]
        var waiting: [String: [Int]] = [:]
        for (position, journey) in journeys.enumerated() {
            if byVersion[journey.versionID] == nil { byVersion[journey.versionID] = position }
            for name in journey.entryEvents { starting[name, default: []].append(position) }
            for name in journey.waitingEvents { waiting[name, default: []].append(position) }
        }
        self.byVersion = byVersion
        self.starting = starting
        self.waiting = waiting
    }

    /// Builds every journey version of a configuration that can run (drafts included: the
    /// entry rules refuse them); the others are listed in `failures`.
    public init(configuration: Configuration) {
        var built: [RunnableJourney] = []
        var failures: [RuntimeError] = []
        for journey in configuration.journeys {
            do {
                built.append(try RunnableJourney(journey: journey, configuration: configuration))
            } catch {
                failures.append(error)
            }
        }
        self.init(built, failures: failures)
    }

    /// The versions whose entry event is `eventName`.
    public func journeys(startingOn eventName: String) -> [RunnableJourney] {
        starting[eventName]?.map { journeys[$0] } ?? []
    }

    /// The versions with an event node (after the entry) waiting for `eventName`.
    public func journeys(waitingFor eventName: String) -> [RunnableJourney] {
        waiting[eventName]?.map { journeys[$0] } ?? []
    }

    /// The version with this id.
    public func journey(versionID: String) -> RunnableJourney? { byVersion[versionID].map { journeys[$0] } }

    /// The latest version of a journey that accepts entrances at `now` (the target of a jump,
    /// the version new entrants go to), else the latest version.
    public func latestVersion(ofJourney id: String, acceptingAt now: Int64? = nil) -> RunnableJourney? {
        let versions = journeys.filter { $0.journey.id == id }.sorted { $0.journey.version < $1.journey.version }
        if let now, let accepting = versions.last(where: { $0.acceptsEntrances(at: now) }) { return accepting }
        return versions.last
    }
}
