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
