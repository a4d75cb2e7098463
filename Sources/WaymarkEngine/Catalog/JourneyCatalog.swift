import WaymarkCore

/// The configs the engine runs with, ready to route: every journey version built once
/// (`JourneyIndex`), and for each event the versions new entrants go to. A value: workers take
/// the current one per batch.
package struct JourneyCatalog: Sendable {
    /// The configs (events, data sources, actions, journey versions).
    package let configuration: Configuration
    /// Every journey version that could be built, by version id and event.
    package let index: JourneyIndex
    /// For each event name, the versions that take new entrants on it: per journey, its newest
    /// live or test version (drafts, closed and stopped versions take nobody).
    package let entryVersions: [String: [RunnableJourney]]
    /// The events some version's instances wait for.
    package let waitingEventNames: Set<String>
    /// The profile-cap counters of the versions, read before each batch.
    package let counterNames: [String]
    /// Whether some version reads profile data (then a batch loads its people's profiles).
    package let readsProfiles: Bool
    /// Journey versions that could not be built, by `id@version`, with why.
    package let problems: [String: RuntimeError]

    /// The empty catalog: nothing runs.
    package static let empty = JourneyCatalog(configuration: Configuration())

    /// Builds the catalog of `configuration`.
    package init(configuration: Configuration) {
        self.configuration = configuration
        var built: [RunnableJourney] = []
        var problems: [String: RuntimeError] = [:]
        for journey in configuration.journeys {
            do {
                built.append(try RunnableJourney(journey: journey, configuration: configuration))
            } catch {
                problems["\(journey.id)@\(journey.version)"] = error
            }
        }
        index = JourneyIndex(built, failures: Array(problems.values))
        var newestEntering: [String: RunnableJourney] = [:]
        for runnable in built where runnable.journey.status == .live || runnable.journey.status == .draftTest {
            if let current = newestEntering[runnable.journey.id], current.journey.version > runnable.journey.version { continue }
            newestEntering[runnable.journey.id] = runnable
        }
        var entryVersions: [String: [RunnableJourney]] = [:]
        for runnable in newestEntering.values.sorted(by: { $0.journey.id < $1.journey.id }) {
            for event in runnable.entryEvents { entryVersions[event, default: []].append(runnable) }
        }
        self.entryVersions = entryVersions
        waitingEventNames = Set(built.flatMap(\.waitingEvents))
        counterNames = built.flatMap { runnable in
            runnable.journey.nodes.compactMap { node in
                if case .condition(.profileCap?) = node.activity { runnable.profileCapCounter(nodeID: node.id) } else { nil }
            }
        }
        readsProfiles = built.contains { $0.readsProfiles }
        self.problems = problems
    }
}
