/// The settings of an action node: which action, and the expressions that fill its variables.
public struct ActionActivity: Hashable, Sendable {
    /// The name of the configured action (custom or message).
    public var action: String?
    /// Payload variables (dotted paths) or message template fields → expression source.
    public var parameters: [String: String]
    /// Variable headers → expression source.
    public var headers: [String: String]
    /// Variable query parameters → expression source.
    public var query: [String: String]
    /// The expression of the dynamic URL path, for actions that allow one.
    public var dynamicPath: String?

    /// Creates action settings.
    public init(
        action: String?, parameters: [String: String] = [:], headers: [String: String] = [:],
        query: [String: String] = [:], dynamicPath: String? = nil
    ) {
        self.action = action
        self.parameters = parameters
        self.headers = headers
        self.query = query
        self.dynamicPath = dynamicPath
    }
}

extension ActionActivity: Codable {
    private enum CodingKeys: String, CodingKey { case action, parameters, headers, query, dynamicPath }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        action = try container.decodeIfPresent(String.self, forKey: .action)
        parameters = try container.decodeIfPresent([String: String].self, forKey: .parameters) ?? [:]
        headers = try container.decodeIfPresent([String: String].self, forKey: .headers) ?? [:]
        query = try container.decodeIfPresent([String: String].self, forKey: .query) ?? [:]
        dynamicPath = try container.decodeIfPresent(String.self, forKey: .dynamicPath)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(action, forKey: .action)
        if !parameters.isEmpty { try container.encode(parameters, forKey: .parameters) }
        if !headers.isEmpty { try container.encode(headers, forKey: .headers) }
        if !query.isEmpty { try container.encode(query, forKey: .query) }
        try container.encodeIfPresent(dynamicPath, forKey: .dynamicPath)
    }
}
