/// When an audience is read.
public enum ReadSchedule: Hashable, Sendable {
    /// Once, when the journey is published (or at its start date).
    case once
    /// Every `every`, from `start` (or publication).
    case recurring(every: ISODuration, start: Timestamp?)
}

extension ReadSchedule: Codable {
    private enum CodingKeys: String, CodingKey { case kind, every, start }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "once": self = .once
        case "recurring":
            self = .recurring(
                every: try container.decode(ISODuration.self, forKey: .every),
                start: try container.decodeIfPresent(Timestamp.self, forKey: .start))
        default:
            throw container.unknownValue(kind, forKey: .kind, of: "schedule kind", expected: "once or recurring")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .once:
            try container.encode("once", forKey: .kind)
        case .recurring(let every, let start):
            try container.encode("recurring", forKey: .kind)
            try container.encode(every, forKey: .every)
            try container.encodeIfPresent(start, forKey: .start)
        }
    }
}
