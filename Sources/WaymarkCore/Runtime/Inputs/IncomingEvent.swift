/// A configured event for one profile, as the partition worker hands it to the runtime.
public struct IncomingEvent: Hashable, Sendable {
    /// The configured event's name (what `@event{name.…}` reads and event nodes wait for).
    public var eventName: String
    /// The event's id (`_id`): the `eventID` of the steps it causes.
    public var eventID: String
    /// The event body (the ExperienceEvent, without the streaming envelope).
    public var payload: JSONValue
    /// When the event happened, milliseconds since the epoch.
    public var timestamp: Int64
    /// The key computed from the event to route it (`externalKey`); the profile id when `nil`.
    public var externalKey: String?

    /// Creates an event input.
    public init(eventName: String, eventID: String, payload: JSONValue, timestamp: Int64, externalKey: String? = nil) {
        self.eventName = eventName
        self.eventID = eventID
        self.payload = payload
        self.timestamp = timestamp
        self.externalKey = externalKey
    }
}
