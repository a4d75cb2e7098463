/// The evaluation context of ingestion-time expressions (event ID conditions and key
/// expressions): one typed event payload and a fixed instant.
///
/// Every event reference (`@{Name.path}`, `@event{Name.path}`) reads the payload being
/// ingested, whatever the event name. Data sources, actions, journey properties and audiences
/// are not available at ingestion: data source fields are an error, the others `null`/false.
/// `random()` gives 0 and `uuid()` the event's id, so the outcome depends only on the event.
public final class EventPayloadContext: EvaluationContext, Sendable {
    /// The typed payload (see `PayloadCheck`).
    public let payload: Value
    /// The instant `now()` returns: the receive time.
    public let now: ZonedDateTime
    private let eventID: String

    /// Creates a context over a typed payload.
    public init(payload: Value, eventID: String, now: ZonedDateTime) {
        self.payload = payload
        self.eventID = eventID
        self.now = now
    }

    public func eventField(_ reference: FieldReference) -> Value {
        var current = payload
        for segment in reference.path {
            guard case .object(let fields) = current, let next = fields[segment] else { return .null }
            current = next
        }
        return current
    }

    public func dataSourceField(_ reference: FieldReference, parameters: [String: Value]) throws(ExpressionError) -> Value {
        throw ExpressionError(
            .context,
            "Data source fields (#{\(reference.source)…}) cannot be read when an event is received.")
    }

    public func actionField(_ reference: FieldReference) -> Value { .null }

    public func journeyProperty(_ property: JourneyProperty) -> Value { .null }

    public func randomUnit() -> Double { 0 }

    public func makeUUID() -> String { eventID }

    public func isInAudience(_ name: String) -> Bool { false }
}
