/// Tracking of a message an instance sent (sent, opened, clicked, failed), for reaction nodes.
public struct MessageTracking: Hashable, Sendable {
    /// The tracking event's id (the `eventID` of the reaction's step).
    public var eventID: String
    /// The action node that sent the message (`ReactionActivity.actionNode`).
    public var actionNodeID: String
    /// What happened to the message.
    public var kind: ReactionKind
    /// When, milliseconds since the epoch.
    public var timestamp: Int64

    /// Creates a tracking input.
    public init(eventID: String, actionNodeID: String, kind: ReactionKind, timestamp: Int64) {
        self.eventID = eventID
        self.actionNodeID = actionNodeID
        self.kind = kind
        self.timestamp = timestamp
    }
}
