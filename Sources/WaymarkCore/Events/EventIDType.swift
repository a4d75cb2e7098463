/// How an incoming event is recognised as a given configured event.
public enum EventIDType: Hashable, Sendable {
    /// The sender puts `eventID` at `_experience.campaign.orchestration.eventID`.
    case systemGenerated(eventID: String)
    /// Events whose payload satisfies the condition expression (e.g. `@event{Visit.city} == "Paris"`).
    case ruleBased(condition: String)

    /// Where senders put the event id of a system-generated event.
    public static let eventIDPath = "_experience.campaign.orchestration.eventID"
}

extension EventIDType: Codable {
    private enum CodingKeys: String, CodingKey { case kind, eventID, condition }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "systemGenerated": self = .systemGenerated(eventID: try container.decode(String.self, forKey: .eventID))
        case "ruleBased": self = .ruleBased(condition: try container.decode(String.self, forKey: .condition))
        default:
            throw container.unknownValue(kind, forKey: .kind, of: "event ID type", expected: "systemGenerated or ruleBased")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .systemGenerated(let eventID):
            try container.encode("systemGenerated", forKey: .kind)
            try container.encode(eventID, forKey: .eventID)
        case .ruleBased(let condition):
            try container.encode("ruleBased", forKey: .kind)
            try container.encode(condition, forKey: .condition)
        }
    }
}
