/// An event read from the wire: the ExperienceEvent with its standard fields checked and filled in.
///
/// `payload` is the event object itself (the `xdmEntity` of an envelope) with `_id` and
/// `timestamp` always present: a missing `_id` is a generated UUID (`idWasGenerated`), a missing
/// `timestamp` the receive time (`timestampWasDefaulted`). It is what the inbox keeps.
public struct ReceivedEvent: Hashable, Sendable {
    /// How the event was sent.
    public enum Form: String, Hashable, Sendable {
        /// A bare XDM ExperienceEvent object.
        case experienceEvent
        /// The streaming envelope `{"header": {…}, "body": {"xdmMeta": {…}, "xdmEntity": {…}}}`.
        case envelope
    }

    /// The event's `_id`, the idempotency key.
    public var id: String
    /// Whether `_id` was missing and generated (a UUID): such an event cannot be deduplicated.
    public var idWasGenerated: Bool
    /// The event's `timestamp`, milliseconds since the epoch.
    public var timestamp: Int64
    /// Whether `timestamp` was missing and set to the receive time.
    public var timestampWasDefaulted: Bool
    /// The event's `eventType`, when given.
    public var eventType: String?
    /// The system-generated event ID at `_experience.campaign.orchestration.eventID`, when given.
    public var orchestrationEventID: String?
    /// The identities of `identityMap`, in order (namespace, id), without repetition.
    public var identities: [ProfileKey]
    /// The identity marked `"primary": true` in `identityMap`, if any.
    public var primaryIdentity: ProfileKey?
    /// How the event was sent.
    public var form: Form
    /// The envelope's `header.schemaRef.id`, when given.
    public var schemaRef: String?
    /// The event object, with `_id` and `timestamp` filled in.
    public var payload: JSONValue

    /// Creates an event.
    public init(
        id: String, idWasGenerated: Bool = false, timestamp: Int64, timestampWasDefaulted: Bool = false,
        eventType: String? = nil, orchestrationEventID: String? = nil, identities: [ProfileKey] = [],
        primaryIdentity: ProfileKey? = nil, form: Form = .experienceEvent, schemaRef: String? = nil, payload: JSONValue
    ) {
        self.id = id
        self.idWasGenerated = idWasGenerated
        self.timestamp = timestamp
        self.timestampWasDefaulted = timestampWasDefaulted
        self.eventType = eventType
        self.orchestrationEventID = orchestrationEventID
        self.identities = identities
        self.primaryIdentity = primaryIdentity
        self.form = form
        self.schemaRef = schemaRef
        self.payload = payload
    }

    /// What field paths are prefixed with in errors: `body.xdmEntity.` for an envelope.
    public var pathPrefix: String { form == .envelope ? "body.xdmEntity." : "" }
}
