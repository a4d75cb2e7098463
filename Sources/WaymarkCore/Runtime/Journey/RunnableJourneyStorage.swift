/// The parts of a `RunnableJourney`, built once and shared by its copies.
final class RunnableJourneyStorage: Sendable {
    let journey: Journey
    let versionID: String
    let entryNodeID: String
    let entryEvents: Set<String>
    let waitingEvents: Set<String>
    let externalCallTimeout: Int64
    let nodes: [String: RunnableNode]
    let temporalFields: TemporalFields
    let versionText: String

    init(
        journey: Journey, versionID: String, entryNodeID: String, entryEvents: Set<String>, waitingEvents: Set<String>,
        externalCallTimeout: Int64, nodes: [String: RunnableNode], temporalFields: TemporalFields, versionText: String
    ) {
        self.journey = journey
        self.versionID = versionID
        self.entryNodeID = entryNodeID
        self.entryEvents = entryEvents
        self.waitingEvents = waitingEvents
        self.externalCallTimeout = externalCallTimeout
        self.nodes = nodes
        self.temporalFields = temporalFields
        self.versionText = versionText
    }
}
