import WaymarkCore
import WaymarkStore

/// The journey lifecycle: saving drafts, validating, test mode, publishing, new versions,
/// duplicates, closing, stopping, deleting and exporting — each step checked against the rules of
/// `JourneyStatus.canChange(to:)` and `VersionChangeValidator`, refused with
/// `EngineError.Code.invalidChange` and the issues' codes.
extension Engine {
    /// Every stored journey version, by journey id then version. A closed version nobody is in any
    /// more is answered (and saved) as finished.
    public func journeyVersions() async throws(EngineError) -> [Journey] {
        var journeys = try await storedConfigs().compactMap(\.journey)
        var finished: [ConfigDocument] = []
        for index in journeys.indices where journeys[index].status == .closed {
            if try await activeCount(of: journeys[index]) == 0 {
                journeys[index].status = .finished
                finished.append(.journey(journeys[index]))
            }
        }
        if !finished.isEmpty { try await save(finished, deleting: []) }
        return journeys.sorted { ($0.id, $0.version) < ($1.id, $1.version) }
    }

    /// The versions of journey `id`, oldest first.
    /// - Throws: `.notFound` when there is none.
    public func journeyVersions(id: String) async throws(EngineError) -> [Journey] {
        let versions = try await journeyVersions().filter { $0.id == id }
        guard !versions.isEmpty else { throw EngineError(.notFound, "no journey \(id)") }
        return versions
    }

    /// One journey version. - Throws: `.notFound`.
    public func journeyVersion(id: String, version: JourneyVersion) async throws(EngineError) -> Journey {
        guard let journey = try await journeyVersions(id: id).first(where: { $0.version == version }) else {
            throw EngineError(.notFound, "journey \(id) has no version \(version)")
        }
        return journey
    }

    /// The issues of a document against the configs the engine runs with, as if it were saved:
    /// its kind's rules and, for a journey, every journey pass and the rules of new versions
    /// after an earlier one.
    public func validationIssues(of document: ConfigDocument) -> [ValidationIssue] {
        let key = ConfigKey(document)
        let others = currentConfiguration.documents.filter { ConfigKey($0) != key }
        return ConfigValidator.issues(of: document, in: Configuration(documents: [document] + others))
    }

    /// Saves an event, data source or action (created or replaced). One that a published or
    /// testing journey version uses (a data source: while any journey runs) only takes the
    /// changes `VersionChangeValidator` allows.
    /// - Returns: the document's warnings (errors refuse it) and those of saving it.
    @discardableResult
    public func saveConfig(_ document: ConfigDocument) async throws(EngineError) -> [ValidationIssue] {
        let configuration = currentConfiguration
        let inUse = { (journeys: [Journey]) in journeys.contains { $0.status.wasPublished || $0.status == .draftTest } }
        var issues = validationIssues(of: document)
        switch document {
        case .event(let edited):
            if let original = configuration.event(named: edited.name), inUse(configuration.journeysUsing(event: edited.name)) {
                issues += VersionChangeValidator.issues(replacing: original, with: edited)
            }
        case .action(let edited):
            if let original = configuration.action(named: edited.name), inUse(configuration.journeysUsing(action: edited.name)) {
                issues += VersionChangeValidator.issues(replacing: original, with: edited)
            }
        case .dataSource(let edited):
            // Journeys name data-source fields in expressions; any running journey may read them.
            if let original = configuration.dataSource(named: edited.name), inUse(configuration.journeys) {
                issues += VersionChangeValidator.issues(replacing: original, with: edited)
            }
        case .journey:
            break
        }
        try Self.refuse(issues, "the \(document.kind) \(document.name) cannot be saved")
        return issues + (try await save([document], deleting: []))
    }

    /// Saves a journey version: a new draft, or an edit of a stored version (drafts change
    /// freely; published versions only take a name, description and labels). The status is not
    /// changed by saving (`changeStatus`).
    /// - Returns: the validation issues of the saved version (errors do not stop a draft being saved).
    @discardableResult
    public func saveJourney(_ journey: Journey) async throws(EngineError) -> [ValidationIssue] {
        let existing = try await journeyVersions().first { $0.id == journey.id && $0.version == journey.version }
        var refusals: [ValidationIssue] = []
        if let existing {
            if journey.status != existing.status {
                refusals.append(.error(
                    .statusNotSaved, field: "status",
                    "The status of \(journey.id) \(journey.version) is \(existing.status.rawValue); change it with test mode, publish, close or stop."))
            }
            refusals += VersionChangeValidator.issues(editing: existing, to: journey)
        } else if journey.status != .draft {
            refusals.append(.error(.statusNotSaved, field: "status", "A new journey version is saved as a draft, not \(journey.status.rawValue)."))
        }
        try Self.refuse(refusals, "\(journey.id) \(journey.version) cannot be saved")
        try await save([.journey(journey)], deleting: [])
        return validationIssues(of: .journey(journey))
    }

    /// Moves a journey version to `target`: test mode on (`draftTest`) and off (`draft`), publish
    /// (`live`; the version live before it is closed), `closed` or `stopped`.
    ///
    /// Test mode and publishing need a version without validation errors.
    /// - Returns: the version as saved.
    public func changeStatus(journey id: String, version: JourneyVersion, to target: JourneyStatus) async throws(EngineError) -> Journey {
        var journey = try await journeyVersion(id: id, version: version)
        let wasTesting = journey.status == .draftTest
        guard journey.status.canChange(to: target), target != .finished else {
            throw EngineError(
                .invalidChange, "journey \(id) \(version) is \(journey.status.rawValue) and cannot become \(target.rawValue)",
                issues: [.error(.invalidStatusChange, field: "status", "A \(journey.status.rawValue) journey cannot become \(target.rawValue).")])
        }
        if target == .draftTest || target == .live {
            try Self.refuse(validationIssues(of: .journey(journey)), "journey \(id) \(version) has validation errors")
        }
        journey.status = target
        var changed: [ConfigDocument] = [.journey(journey)]
        if target == .live {
            for var other in try await journeyVersions(id: id) where other.version != version && other.status == .live {
                other.status = .closed
                changed.append(.journey(other))
            }
        }
        try await save(changed, deleting: [])
        if target == .stopped { try await expediteTimers(of: journey) }
        if wasTesting { try await clearTestRuns(of: journey) }
        return journey
    }

    /// Makes the timers of a stopped version's people due now: each leaves at once (the worker
    /// hands a stopped version's instance `stop` instead of its timer). A person with no timer
    /// (waiting for a call's result) leaves when that result arrives.
    private func expediteTimers(of journey: Journey) async throws(EngineError) {
        do {
            if try await store.expediteTimers(journeyVersionID: journey.runtimeVersionID, to: clock.now()) > 0 {
                doorbells.timers.ring()
            }
        } catch {
            throw EngineError(.store, "\(journey.id) \(journey.version) is stopped; its people leave at their next step (\(error))")
        }
    }

    /// Creates the draft of the next major version from the latest version of journey `id`.
    /// - Throws: `.invalidChange` (`ERR_DRAFT_EXISTS`) while the latest version is still a draft.
    public func createJourneyVersion(from id: String) async throws(EngineError) -> Journey {
        let latest = try await journeyVersions(id: id).last!
        guard latest.status.wasPublished else {
            throw EngineError(
                .invalidChange, "journey \(id) \(latest.version) is not published yet",
                issues: [.error(.draftExists, "Version \(latest.version) is still a \(latest.status.rawValue): edit it, or publish it first.")])
        }
        let next = latest.newVersion()
        try await save([.journey(next)], deleting: [])
        return next
    }

    /// Copies a journey version as a new journey (version 1.0, draft).
    /// - Throws: `.invalidChange` when journey `newID` exists.
    public func duplicateJourney(id: String, version: JourneyVersion, as newID: String, name: String) async throws(EngineError) -> Journey {
        let source = try await journeyVersion(id: id, version: version)
        guard try await journeyVersions().allSatisfy({ $0.id != newID }) else {
            throw EngineError(.invalidChange, "a journey \(newID) exists", issues: [.error(.duplicateName, field: "id", "The journey id \(newID) is taken.")])
        }
        let copy = source.duplicate(id: newID, name: name)
        try await save([.journey(copy)], deleting: [])
        return copy
    }

    /// Deletes a journey version that is finished or was never published.
    public func deleteJourneyVersion(id: String, version: JourneyVersion) async throws(EngineError) {
        let journey = try await journeyVersion(id: id, version: version)
        guard journey.status.isDeletable else {
            throw EngineError(
                .invalidChange, "journey \(id) \(version) is \(journey.status.rawValue)",
                issues: [.error(.versionNotDeletable, "Only finished versions and versions never published can be deleted; close or stop it first.")])
        }
        try await save([], deleting: [.journey(journey)])
    }

    /// Deletes an event, data source or action that no journey version uses.
    public func deleteConfig(_ document: ConfigDocument) async throws(EngineError) {
        let configuration = currentConfiguration
        let users: [Journey] =
            switch document {
            case .event(let event): configuration.journeysUsing(event: event.name)
            case .action(let action): configuration.journeysUsing(action: action.name)
            case .dataSource, .journey: []
            }
        if !users.isEmpty {
            let names = users.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
            throw EngineError(
                .invalidChange, "the \(document.kind) \(document.name) is used by \(names)",
                issues: [.error(.configInUse, "Journey versions use it: \(names).")])
        }
        try await save([], deleting: [document])
    }

    /// Journey `id` with the events, data sources and actions its versions use (and the
    /// profile store's config), secrets redacted: a bundle `POST /v1/config` imports (redacted secrets keep the values stored
    /// where it is imported).
    public func exportJourney(id: String) async throws(EngineError) -> [ConfigDocument] {
        let versions = try await journeyVersions(id: id)
        let configuration = Configuration(documents: try await storedConfigs())
        let events = configuration.events.filter { event in versions.contains { $0.uses(event: event.name) } }
        let actions = configuration.actions.filter { action in versions.contains { $0.uses(action: action.name) } }
        let fetched = Self.dataSourcesRead(by: versions, in: configuration)
        let dataSources = configuration.dataSources.filter { fetched?.contains($0.name) ?? true }
        let documents = events.map(ConfigDocument.event) + dataSources.map(ConfigDocument.dataSource)
            + actions.map(ConfigDocument.action) + versions.map(ConfigDocument.journey)
        return documents.map { $0.redacted() }
    }

    /// The data sources these versions fetch from, and the profile store; `nil` when a version
    /// cannot be compiled to tell (then every data source is exported).
    private static func dataSourcesRead(by versions: [Journey], in configuration: Configuration) -> Set<String>? {
        var names: Set<String> = [DataSourceConfig.experiencePlatformName]
        for version in versions {
            guard let runnable = try? RunnableJourney(journey: version, configuration: configuration) else { return nil }
            for node in version.nodes {
                for fetch in runnable.externalFetches(ofNode: node.id) {
                    names.insert(String(fetch.prefix { $0 != "." }))
                }
            }
        }
        return names
    }

    private func activeCount(of journey: Journey) async throws(EngineError) -> Int {
        do {
            return try await store.activeInstanceCount(journeyVersionID: journey.runtimeVersionID)
        } catch {
            throw EngineError(.store, "the people in \(journey.id) \(journey.version) cannot be counted: \(error)")
        }
    }

    private static func refuse(_ issues: [ValidationIssue], _ message: String) throws(EngineError) {
        let errors = issues.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw EngineError(.invalidChange, "\(message): \(errors.map(\.message).joined(separator: " "))", issues: errors)
        }
    }
}

extension ConfigDocument {
    /// The journey version this document holds, if it is one.
    var journey: Journey? {
        if case .journey(let journey) = self { return journey }
        return nil
    }
}
