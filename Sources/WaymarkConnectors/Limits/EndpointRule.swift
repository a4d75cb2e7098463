import WaymarkCore

/// The limits of one endpoint: the calls whose URL matches `urlPattern` (and whose method is one
/// of `methods`) share a cap and a throttle.
///
/// Written in a JSON array of rules (see `EndpointRules`), e.g.
/// ```json
/// {"name": "crm", "urlPattern": "https://crm.example.com/v2/*", "methods": ["POST"],
///  "cap": {"calls": 1000, "period": "PT1M"}, "throttle": {"perSecond": 200}}
/// ```
///
/// `urlPattern` matches a URL that starts with it, each `*` standing for any run of characters
/// (`/` included): `https://api.example.com/` and `https://api.example.com/*` match the same
/// URLs, `https://*.example.com/orders` matches `https://eu.example.com/orders/42`. When several
/// rules match a call, the most specific applies: the one with the most characters besides
/// `*`, then one that lists methods over one that does not, then the first written.
public struct EndpointRule: Hashable, Sendable, Codable {
    /// Names the rule in errors and metrics; unique among the rules.
    public var name: String
    /// The URLs the rule applies to: a prefix, with `*` for any run of characters.
    public var urlPattern: String
    /// The methods the rule applies to; empty for every method.
    public var methods: [HTTPMethod]
    /// At most so many calls per sliding period; `nil` for no cap.
    public var cap: Cap?
    /// At most so many calls per second, the others waiting for a later slot; `nil` for none.
    public var throttle: Throttle?

    /// Creates a rule; `EndpointRules` validates it.
    public init(name: String, urlPattern: String, methods: [HTTPMethod] = [], cap: Cap? = nil, throttle: Throttle? = nil) {
        self.name = name
        self.urlPattern = urlPattern
        self.methods = methods
        self.cap = cap
        self.throttle = throttle
    }

    private enum CodingKeys: String, CodingKey {
        case name, urlPattern, methods, cap, throttle
    }

    /// Decodes a rule; `methods` may be left out (every method).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            urlPattern: try container.decode(String.self, forKey: .urlPattern),
            methods: try container.decodeIfPresent([HTTPMethod].self, forKey: .methods) ?? [],
            cap: try container.decodeIfPresent(Cap.self, forKey: .cap),
            throttle: try container.decodeIfPresent(Throttle.self, forKey: .throttle))
    }

    /// Encodes the rule, leaving out empty `methods` and absent limits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(urlPattern, forKey: .urlPattern)
        if !methods.isEmpty { try container.encode(methods, forKey: .methods) }
        try container.encodeIfPresent(cap, forKey: .cap)
        try container.encodeIfPresent(throttle, forKey: .throttle)
    }
}
