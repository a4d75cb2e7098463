/// The settings of a journey beside its graph.
public struct JourneyProperties: Hashable, Sendable {
    /// Whether and when a person may enter again.
    public var reentrance: Reentrance
    /// No one enters before this instant.
    public var startDate: Timestamp?
    /// At this instant people exit and no one enters.
    public var endDate: Timestamp?
    /// The time zone of time conditions and waits.
    public var timeZone: TimeZoneSetting
    /// The timeout of external calls (actions, data source fetches): 1–30 s.
    public var externalCallTimeout: ISODuration
    /// After this time any person still inside is stopped.
    public var globalTimeout: ISODuration

    /// The defaults of the baseline: re-entrance after 5 min, UTC, 30 s calls, 30 days.
    public init(
        reentrance: Reentrance = Reentrance(), startDate: Timestamp? = nil, endDate: Timestamp? = nil,
        timeZone: TimeZoneSetting = .fixed("UTC"), externalCallTimeout: ISODuration = defaultExternalCallTimeout,
        globalTimeout: ISODuration = defaultGlobalTimeout
    ) {
        self.reentrance = reentrance
        self.startDate = startDate
        self.endDate = endDate
        self.timeZone = timeZone
        self.externalCallTimeout = externalCallTimeout
        self.globalTimeout = globalTimeout
    }

    /// The default external-call timeout: 30 s.
    public static let defaultExternalCallTimeout = ISODuration.seconds(30)
    /// The default global journey timeout: 30 days.
    public static let defaultGlobalTimeout = ISODuration.days(30)
    /// The allowed range of the external-call timeout.
    public static let externalCallTimeoutRange = ISODuration.seconds(1)...ISODuration.seconds(30)
}

extension JourneyProperties: Codable {
    private enum CodingKeys: String, CodingKey {
        case reentrance, startDate, endDate, timeZone, externalCallTimeout, globalTimeout
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            reentrance: try container.decodeIfPresent(Reentrance.self, forKey: .reentrance) ?? Reentrance(),
            startDate: try container.decodeIfPresent(Timestamp.self, forKey: .startDate),
            endDate: try container.decodeIfPresent(Timestamp.self, forKey: .endDate),
            timeZone: try container.decodeIfPresent(TimeZoneSetting.self, forKey: .timeZone) ?? .fixed("UTC"),
            externalCallTimeout: try container.decodeIfPresent(ISODuration.self, forKey: .externalCallTimeout)
                ?? Self.defaultExternalCallTimeout,
            globalTimeout: try container.decodeIfPresent(ISODuration.self, forKey: .globalTimeout) ?? Self.defaultGlobalTimeout)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if reentrance != Reentrance() { try container.encode(reentrance, forKey: .reentrance) }
        try container.encodeIfPresent(startDate, forKey: .startDate)
        try container.encodeIfPresent(endDate, forKey: .endDate)
        if timeZone != .fixed("UTC") { try container.encode(timeZone, forKey: .timeZone) }
        if externalCallTimeout != Self.defaultExternalCallTimeout {
            try container.encode(externalCallTimeout, forKey: .externalCallTimeout)
        }
        if globalTimeout != Self.defaultGlobalTimeout { try container.encode(globalTimeout, forKey: .globalTimeout) }
    }
}
