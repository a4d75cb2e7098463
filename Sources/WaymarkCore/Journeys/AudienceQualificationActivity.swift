/// The settings of an audience qualification node.
public struct AudienceQualificationActivity: Hashable, Sendable {
    /// The audience name.
    public var audience: String?
    /// Whether the node reacts to people entering or exiting the audience.
    public var behavior: AudienceBehavior
    /// How long a waiting node waits; `nil` waits until the global timeout.
    public var timeout: ISODuration?

    /// Creates audience qualification settings.
    public init(audience: String?, behavior: AudienceBehavior = .enter, timeout: ISODuration? = nil) {
        self.audience = audience
        self.behavior = behavior
        self.timeout = timeout
    }
}

extension AudienceQualificationActivity: Codable {
    private enum CodingKeys: String, CodingKey { case audience, behavior, timeout }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        audience = try container.decodeIfPresent(String.self, forKey: .audience)
        behavior = try container.decodeIfPresent(AudienceBehavior.self, forKey: .behavior) ?? .enter
        timeout = try container.decodeIfPresent(ISODuration.self, forKey: .timeout)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(audience, forKey: .audience)
        try container.encode(behavior, forKey: .behavior)
        try container.encodeIfPresent(timeout, forKey: .timeout)
    }
}
