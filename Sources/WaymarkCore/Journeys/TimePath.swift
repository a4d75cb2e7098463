/// A path of a time condition: taken when the time is in the hour range and on one of the days.
public struct TimePath: Hashable, Sendable {
    /// The label of the path.
    public var label: String
    /// The start of the hour range (inclusive), if any.
    public var from: TimeOfDay?
    /// The end of the hour range (exclusive), if any; a range may cross midnight.
    public var to: TimeOfDay?
    /// The days of the week; empty means every day.
    public var days: [Weekday]

    /// Creates a path.
    public init(label: String, from: TimeOfDay? = nil, to: TimeOfDay? = nil, days: [Weekday] = []) {
        self.label = label
        self.from = from
        self.to = to
        self.days = days
    }
}

extension TimePath: Codable {
    private enum CodingKeys: String, CodingKey { case label, from, to, days }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(String.self, forKey: .label)
        from = try container.decodeIfPresent(TimeOfDay.self, forKey: .from)
        to = try container.decodeIfPresent(TimeOfDay.self, forKey: .to)
        days = try container.decodeIfPresent([Weekday].self, forKey: .days) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encodeIfPresent(to, forKey: .to)
        if !days.isEmpty { try container.encode(days, forKey: .days) }
    }
}
