/// The settings of a read audience node: every member of an audience enters.
public struct ReadAudienceActivity: Hashable, Sendable {
    /// The audience name.
    public var audience: String?
    /// Profiles read per second (500–20,000, default 5,000).
    public var rate: Int
    /// Once, or on a recurring schedule.
    public var schedule: ReadSchedule

    /// Creates read audience settings.
    public init(audience: String?, rate: Int = defaultRate, schedule: ReadSchedule = .once) {
        self.audience = audience
        self.rate = rate
        self.schedule = schedule
    }

    /// The default reading rate.
    public static let defaultRate = 5_000
    /// The allowed reading rates.
    public static let rateRange = 500...20_000
}

/// When an audience is read.
public enum ReadSchedule: Hashable, Sendable {
    /// Once, when the journey is published (or at its start date).
    case once
    /// Every `every`, from `start` (or publication).
    case recurring(every: ISODuration, start: Timestamp?)
}

extension ReadAudienceActivity: Codable {
    private enum CodingKeys: String, CodingKey { case audience, rate, schedule }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        audience = try container.decodeIfPresent(String.self, forKey: .audience)
        rate = try container.decodeIfPresent(Int.self, forKey: .rate) ?? Self.defaultRate
        schedule = try container.decodeIfPresent(ReadSchedule.self, forKey: .schedule) ?? .once
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(audience, forKey: .audience)
        if rate != Self.defaultRate { try container.encode(rate, forKey: .rate) }
        if schedule != .once { try container.encode(schedule, forKey: .schedule) }
    }
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
