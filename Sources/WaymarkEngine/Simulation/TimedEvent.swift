import WaymarkCore

/// An event to send at an instant of a simulation: its timestamp and its JSON as sent.
public struct TimedEvent: Hashable, Sendable {
    /// When the event happens, milliseconds since the epoch (the event's `timestamp`).
    public var timestamp: Int64
    /// The event as sent (an XDM ExperienceEvent or a streaming envelope).
    public var json: JSONValue

    /// Creates a timed event.
    public init(timestamp: Int64, json: JSONValue) {
        self.timestamp = timestamp
        self.json = json
    }

    /// Reads events from NDJSON (one per line) or a JSON array, each with an ISO-8601 `timestamp`
    /// (at the top or in `body.xdmEntity`). Sorted by timestamp, stable for equal ones.
    /// - Parameter source: the file's name, for errors.
    /// - Throws: `SimulationInputError` naming the line or element that is not JSON or has no timestamp.
    public static func parse(_ bytes: [UInt8], source: String) throws(SimulationInputError) -> [TimedEvent] {
        var events: [TimedEvent] = []
        for (place, json) in try JSONDocuments.parse(bytes, source: source) {
            guard let text = timestampText(of: json) else {
                throw SimulationInputError("\(source) \(place): no timestamp (an ISO-8601 date-time at \"timestamp\")")
            }
            guard let timestamp = Timestamp(text) else {
                throw SimulationInputError("\(source) \(place): timestamp \"\(text)\" is not an ISO-8601 date-time")
            }
            events.append(TimedEvent(timestamp: Int64((timestamp.date.timeIntervalSince1970 * 1000).rounded()), json: json))
        }
        return events.enumerated().sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }
            .map(\.element)
    }

    private static func timestampText(of json: JSONValue) -> String? {
        guard case .object(let fields) = json else { return nil }
        if case .string(let text)? = fields["timestamp"] { return text }
        if case .object(let body)? = fields["body"], case .object(let entity)? = body["xdmEntity"],
            case .string(let text)? = entity["timestamp"]
        {
            return text
        }
        return nil
    }
}
