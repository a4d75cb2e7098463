/// A journey version ready to run, built once per version: nodes by id, every expression
/// compiled once, the events that start it and those it waits for, what each node reads.
///
/// Its parts live in one shared, immutable object: copying a runnable journey (into every
/// input's run) costs one retain.
public struct RunnableJourney: Sendable {
    private let storage: RunnableJourneyStorage

    /// The journey version as configured.
    public var journey: Journey { storage.journey }
    /// The version's id: `versionId`, else `<journey id>@<version>`.
    public var versionID: String { storage.versionID }
    /// The node people enter through.
    public var entryNodeID: String { storage.entryNodeID }
    /// The events that start an instance (the entry node's event).
    public var entryEvents: Set<String> { storage.entryEvents }
    /// The events instances wait for inside the journey.
    public var waitingEvents: Set<String> { storage.waitingEvents }
    /// The external-call timeout in milliseconds.
    public var externalCallTimeout: Int64 { storage.externalCallTimeout }
    /// Nodes by id.
    var nodes: [String: RunnableNode] { storage.nodes }
    /// The types of the date, date-time and duration fields the expressions read.
    var temporalFields: TemporalFields { storage.temporalFields }
    /// `major.minor` (`journeyVersion` of step events), made once.
    var versionText: String { storage.versionText }

    /// Builds the runnable form of a journey version.
    ///
    /// - Throws: `RuntimeError` `journeyInvalid` when `JourneyValidator` reports errors (the
    ///   first ones are named) or there is no entry event; `expressionInvalid` when an
    ///   expression does not compile.
    public init(journey: Journey, configuration: Configuration) throws(RuntimeError) {
        let issues = JourneyValidator(configuration: configuration).validate(journey).filter { $0.severity == .error }
        if !issues.isEmpty {
            let shown = issues.prefix(3).map(\.description).joined(separator: "; ")
            let more = issues.count > 3 ? " (and \(issues.count - 3) more)" : ""
            throw RuntimeError(
                .journeyInvalid, "Journey '\(journey.id)' version \(journey.version) cannot run: \(shown)\(more).")
        }
        guard let entry = journey.entryNode, case .event(let entryActivity) = entry.activity, let entryEvent = entryActivity.event
        else {
            throw RuntimeError(.journeyInvalid, "Journey '\(journey.id)' has no entry event node.")
        }
        var waiting: Set<String> = []
        for node in journey.nodes where node.id != entry.id {
            if case .event(let activity) = node.activity, let name = activity.event { waiting.insert(name) }
        }
        let nodes = try Self.compileNodes(of: journey, entryNodeID: entry.id, configuration: configuration)
        storage = RunnableJourneyStorage(
            journey: journey, versionID: journey.runtimeVersionID, entryNodeID: entry.id,
            entryEvents: [entryEvent], waitingEvents: waiting,
            externalCallTimeout: journey.properties.externalCallTimeout.milliseconds, nodes: nodes,
            temporalFields: TemporalFields(
                nodes.values.flatMap(\.references), schema: ConfigurationSchema(configuration: configuration)),
            versionText: journey.version.description)
    }

    /// The id of the profile-cap counter of a node (`RuntimeContext.counters`, `incrementCounter`).
    public func profileCapCounter(nodeID: String) -> String { "profileCap:\(versionID):\(nodeID)" }

    /// Every field the expressions of a node read (empty for an unknown node).
    public func fieldReferences(ofNode nodeID: String) -> [FieldReference] { nodes[nodeID]?.references ?? [] }

    /// The external field groups (`DataSource.FieldGroup`) a node fetches before it runs.
    public func externalFetches(ofNode nodeID: String) -> [String] { nodes[nodeID]?.fetches.map(\.key) ?? [] }

    /// Whether the version accepts new entrances at `now` given its (possibly updated) status:
    /// live or in test, after the start date and before the end date.
    public func acceptsEntrances(at now: Int64, status: JourneyStatus? = nil) -> Bool {
        let status = status ?? journey.status
        guard status == .live || status == .draftTest else { return false }
        if let start = journey.properties.startDate, now < start.milliseconds { return false }
        if let end = journey.properties.endDate, now >= end.milliseconds { return false }
        return true
    }

    /// The node with this id.
    func node(_ id: String) -> RunnableNode? { storage.nodes[id] }

    /// The event an event node waits for.
    func awaitedEvent(atNode id: String) -> String? {
        if case .event(let activity)? = storage.nodes[id]?.node.activity { activity.event } else { nil }
    }
}

extension Timestamp {
    /// Milliseconds since the epoch.
    var milliseconds: Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
