/// An event produced inside the engine for another journey (a jump): the same profile enters
/// the latest version of the target journey through its entry event.
public struct InternalEventRequest: Hashable, Sendable {
    /// The id of the internal event, deterministic (`instanceID/jump/<n>`): the inbox dedups replays.
    public var eventID: String
    /// The journey to enter (its latest version).
    public var targetJourneyID: String
    /// The journey that jumped.
    public var sourceJourneyID: String
    /// The instance that jumped.
    public var sourceInstanceID: String
    /// The profile.
    public var profile: ProfileKey
    /// The routing key of the source instance.
    public var externalKey: String
    /// The payload to hand to the target's entry event: the event that started the source instance
    /// when it was retained, else an empty object.
    public var payload: JSONValue

    /// Creates a request.
    public init(
        eventID: String, targetJourneyID: String, sourceJourneyID: String, sourceInstanceID: String,
        profile: ProfileKey, externalKey: String, payload: JSONValue
    ) {
        self.eventID = eventID
        self.targetJourneyID = targetJourneyID
        self.sourceJourneyID = sourceJourneyID
        self.sourceInstanceID = sourceInstanceID
        self.profile = profile
        self.externalKey = externalKey
        self.payload = payload
    }
}
