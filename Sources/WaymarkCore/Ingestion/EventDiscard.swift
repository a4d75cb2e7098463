/// Why an incoming event, or one of its matched configs, leads nowhere: kept as a discard record.
public struct EventDiscard: Hashable, Sendable {
    /// The reason: `noInterestedJourney` (no event config matches) or `keyNotComputed`.
    public var reason: DiscardRecord.Reason
    /// The matched event config's name, for `keyNotComputed`.
    public var eventName: String?
    /// Details for a person (which eventID, which key expression failed and how).
    public var message: String

    /// Creates a discard.
    public init(reason: DiscardRecord.Reason, eventName: String? = nil, message: String) {
        self.reason = reason
        self.eventName = eventName
        self.message = message
    }

    /// The discard record of `event`, written at `timestamp`.
    public func record(of event: ReceivedEvent, timestamp: Int64) -> DiscardRecord {
        DiscardRecord(eventID: event.id, eventName: eventName, reason: reason, message: message, timestamp: timestamp)
    }
}
