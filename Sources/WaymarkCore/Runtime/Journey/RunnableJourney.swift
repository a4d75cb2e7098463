/// A journey version ready to run, built once per version: nodes by id, every expression
/// compiled once, the events that start it and those it waits for, what each node reads.
public struct RunnableJourney: Sendable {
    /// The journey version as configured.
    public let journey: Journey
    /// The version's id: `versionId`, else `<journey id>@<version>`.
    public let versionID: String
    /// The node people enter through.
    public let entryNodeID: String
    /// The events that start an instance (the entry node's event).
    public let entryEvents: Set<String>
    /// The events instances wait for inside the journey.
    public let waitingEvents: Set<String>
    /// The external-call timeout in milliseconds.
    public let externalCallTimeout: Int64
    /// Nodes by id.
    let nodes: [String: RunnableNode]
    /// The types of the date, date-time and duration fields the expressions read.
    let temporalFields: TemporalFields

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
        self.journey = journey
        versionID = journey.versionId ?? "\(journey.id)@\(journey.version)"
        entryNodeID = entry.id
        entryEvents = [entryEvent]
        externalCallTimeout = journey.properties.externalCallTimeout.milliseconds
        var waiting: Set<String> = []
        for node in journey.nodes where node.id != entry.id {
            if case .event(let activity) = node.activity, let name = activity.event { waiting.insert(name) }
        }
        waitingEvents = waiting
        let nodes = try Self.compileNodes(of: journey, entryNodeID: entry.id, configuration: configuration)
        self.nodes = nodes
        temporalFields = TemporalFields(
            nodes.values.flatMap(\.references), schema: ConfigurationSchema(configuration: configuration))
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
    func node(_ id: String) -> RunnableNode? { nodes[id] }

    /// The event an event node waits for.
    func awaitedEvent(atNode id: String) -> String? {
        if case .event(let activity)? = nodes[id]?.node.activity { activity.event } else { nil }
    }
}

extension Timestamp {
    /// Milliseconds since the epoch.
    var milliseconds: Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
