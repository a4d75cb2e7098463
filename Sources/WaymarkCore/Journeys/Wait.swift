/// How long a wait node holds a person.
public enum Wait: Hashable, Sendable {
    /// A fixed duration (at most 30 days).
    case duration(ISODuration)
    /// Until a fixed instant.
    case fixedDate(Timestamp)
    /// Until the date-time an expression computes.
    case custom(expression: String)

    /// The longest wait of the baseline: 30 days.
    public static let maximumDuration = ISODuration.days(30)
}

extension Wait: Codable {
    private enum CodingKeys: String, CodingKey { case type, duration, date, expression }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "duration": self = .duration(try container.decode(ISODuration.self, forKey: .duration))
        case "fixedDate": self = .fixedDate(try container.decode(Timestamp.self, forKey: .date))
        case "custom": self = .custom(expression: try container.decode(String.self, forKey: .expression))
        default:
            throw container.unknownValue(type, forKey: .type, of: "wait type", expected: "duration, fixedDate or custom")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .duration(let duration):
            try container.encode("duration", forKey: .type)
            try container.encode(duration, forKey: .duration)
        case .fixedDate(let date):
            try container.encode("fixedDate", forKey: .type)
            try container.encode(date, forKey: .date)
        case .custom(let expression):
            try container.encode("custom", forKey: .type)
            try container.encode(expression, forKey: .expression)
        }
    }
}
