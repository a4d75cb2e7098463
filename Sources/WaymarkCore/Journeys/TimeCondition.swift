/// A time condition: paths by hour range and/or days of the week.
public struct TimeCondition: Hashable, Sendable {
    /// Whose time zone the hours are read in.
    public var zone: Zone
    /// The paths, in order; the first matching one wins.
    public var paths: [TimePath]

    /// Creates a time condition.
    public init(zone: Zone = .journey, paths: [TimePath]) {
        self.zone = zone
        self.paths = paths
    }

    /// Whose time zone a time condition reads.
    public enum Zone: String, Codable, Hashable, Sendable {
        /// The journey's time zone setting.
        case journey
        /// The profile's time zone (falling back to the journey's).
        case profile
    }
}

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

/// A day of the week.
public enum Weekday: String, Codable, Hashable, Sendable, CaseIterable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
}

extension TimeCondition: Codable {
    private enum CodingKeys: String, CodingKey { case zone, paths }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        zone = try container.decodeIfPresent(Zone.self, forKey: .zone) ?? .journey
        paths = try container.decodeIfPresent([TimePath].self, forKey: .paths) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if zone != .journey { try container.encode(zone, forKey: .zone) }
        try container.encode(paths, forKey: .paths)
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
