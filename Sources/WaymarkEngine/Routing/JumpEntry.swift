import WaymarkCore

/// The inbox payload of a jump into another journey (an `internalEvent` entry).
struct JumpEntry: Hashable, Sendable {
    var targetJourneyID: String
    var externalKey: String
    var payload: JSONValue

    init(_ request: InternalEventRequest) {
        targetJourneyID = request.targetJourneyID
        externalKey = request.externalKey
        payload = request.payload
    }

    /// Compact JSON: `{"journey": …, "key": …, "payload": …}`.
    var encoded: [UInt8] {
        JSONValue.object(
            OrderedFields([("journey", .string(targetJourneyID)), ("key", .string(externalKey)), ("payload", payload)])
        ).serializedBytes()
    }

    /// Reads an entry's payload; `nil` when it is not a jump.
    init?(decoding bytes: [UInt8]) throws {
        guard case .object(let fields) = try JSONValue(parsing: bytes), case .string(let journey)? = fields["journey"],
            case .string(let key)? = fields["key"]
        else { return nil }
        targetJourneyID = journey
        externalKey = key
        payload = fields["payload"] ?? .object(OrderedFields())
    }
}
