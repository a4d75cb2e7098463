/// Whether a person may enter a journey again, and after how long.
public struct Reentrance: Hashable, Sendable {
    /// Whether re-entrance is allowed (the default).
    public var allowed: Bool
    /// The time after leaving before a person may re-enter (default 5 min).
    public var waitPeriod: ISODuration

    /// Creates a re-entrance rule; by default allowed after 5 minutes.
    public init(allowed: Bool = true, waitPeriod: ISODuration = defaultWaitPeriod) {
        self.allowed = allowed
        self.waitPeriod = waitPeriod
    }

    /// The default wait period: 5 minutes.
    public static let defaultWaitPeriod = ISODuration.minutes(5)
}

extension Reentrance: Codable {
    private enum CodingKeys: String, CodingKey { case allowed, waitPeriod }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        allowed = try container.decodeIfPresent(Bool.self, forKey: .allowed) ?? true
        waitPeriod = try container.decodeIfPresent(ISODuration.self, forKey: .waitPeriod) ?? Self.defaultWaitPeriod
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(allowed, forKey: .allowed)
        if waitPeriod != Self.defaultWaitPeriod { try container.encode(waitPeriod, forKey: .waitPeriod) }
    }
}
