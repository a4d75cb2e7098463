/// One field of a token request body.
public struct AuthenticationField: Codable, Hashable, Sendable {
    /// The field name.
    public var name: String
    /// The value (may be an expression such as `encodeBase64(...)` — evaluated by connectors).
    public var value: String
    /// Whether the value is a secret that exports must strip.
    public var secret: Bool

    /// Creates a body field.
    public init(name: String, value: String, secret: Bool = false) {
        self.name = name
        self.value = value
        self.secret = secret
    }

    private enum CodingKeys: String, CodingKey { case name, value, secret }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        value = try container.decode(String.self, forKey: .value)
        secret = try container.decodeIfPresent(Bool.self, forKey: .secret) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(value, forKey: .value)
        if secret { try container.encode(secret, forKey: .secret) }
    }
}
