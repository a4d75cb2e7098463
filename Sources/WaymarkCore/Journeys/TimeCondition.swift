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
