import WaymarkCore

/// The configs the engine runs with, ready to route: every journey version that has people or
/// may get some, built once (`RunnableJourney`), indexed by version and by the events that start
/// them. A value: workers take the current one per batch.
package struct JourneyCatalog: Sendable {
    /// The configs (events, data sources, actions, journey versions).
    package let configuration: Configuration
    /// Runnable journey versions by version id (draft versions are left out: nobody enters them).
    package let versions: [String: RunnableJourney]
    /// For each event name, the versions that take new entrants on it: per journey, its newest
    /// live or test version.
    package let entryVersions: [String: [RunnableJourney]]
    /// Versions whose instances wait for an event, by event name.
    package let waitingEventNames: Set<String>
    /// The profile-cap counters of the versions, read before each batch.
    package let counterNames: [String]
    /// Whether some version reads profile data (then a batch loads its people's profiles).
    package let readsProfiles: Bool
    /// Journey versions that could not be built, with why.
    package let problems: [String: RuntimeError]

    /// The empty catalog: nothing runs.
    package static let empty = JourneyCatalog(configuration: Configuration())

    /// Builds the catalog of `configuration`.
    package init(configuration: Configuration) {
        self.configuration = configuration
        var versions: [String: RunnableJourney] = [:]
        var problems: [String: RuntimeError] = [:]
        var newestEntering: [String: RunnableJourney] = [:]
        for journey in configuration.journeys where journey.status != .draft {
            let runnable: RunnableJourney
            do {
                runnable = try RunnableJourney(journey: journey, configuration: configuration)
            } catch {
                problems["\(journey.id)@\(journey.version)"] = error
                continue
            }
            versions[runnable.versionID] = runnable
            guard journey.status == .live || journey.status == .draftTest else { continue }
            if let current = newestEntering[journey.id], current.journey.version > journey.version { continue }
            newestEntering[journey.id] = runnable
        }
        var entryVersions: [String: [RunnableJourney]] = [:]
        for runnable in newestEntering.values.sorted(by: { $0.journey.id < $1.journey.id }) {
            for event in runnable.entryEvents { entryVersions[event, default: []].append(runnable) }
        }
        self.versions = versions
        self.entryVersions = entryVersions
        self.waitingEventNames = Set(versions.values.flatMap(\.waitingEvents))
        self.counterNames = versions.values.flatMap { runnable in
            runnable.journey.nodes.compactMap { node in
                if case .condition(.profileCap?) = node.activity { runnable.profileCapCounter(nodeID: node.id) } else { nil }
            }
        }
        self.readsProfiles = versions.values.contains { $0.readsProfiles }
        self.problems = problems
    }
}
