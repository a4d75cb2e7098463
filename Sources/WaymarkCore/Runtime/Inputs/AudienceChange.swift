/// A person entering or leaving an audience, for audience qualification nodes that wait for it.
public struct AudienceChange: Hashable, Sendable {
    /// The change's id (the `eventID` of the step it causes).
    public var eventID: String
    /// The audience.
    public var audience: String
    /// Entered or left.
    public var behavior: AudienceBehavior
    /// When, milliseconds since the epoch.
    public var timestamp: Int64

    /// Creates an audience change input.
    public init(eventID: String, audience: String, behavior: AudienceBehavior, timestamp: Int64) {
        self.eventID = eventID
        self.audience = audience
        self.behavior = behavior
        self.timestamp = timestamp
    }
}
