import WaymarkCore

/// The endpoint rules an engine runs with, validated: written as a JSON array of
/// `EndpointRule`s, in a file the engine is given.
///
/// Every rule has a non-empty unique name and a non-empty URL pattern without spaces; a cap
/// allows at least one call in a period of at least one millisecond; a throttle allows
/// `EndpointRule.Throttle.minimumPerSecond` to `maximumPerSecond` calls per second. A rule
/// without a cap or a throttle is allowed: it exempts its calls from less specific rules and
/// from the gate's default cap per host.
public struct EndpointRules: Hashable, Sendable, Codable {
    /// The rules, in the order written.
    public let rules: [EndpointRule]

    /// No rules.
    public static let none = EndpointRules(validated: [])

    /// Validates `rules`.
    ///
    /// - Throws: `ConfigDecodingError` whose path names the rule and the field, e.g.
    ///   `[2].throttle.perSecond`.
    public init(_ rules: [EndpointRule]) throws(ConfigDecodingError) {
        if let problem = Self.problem(in: rules) {
            throw ConfigDecodingError(path: problem.path, message: problem.message)
        }
        self.init(validated: rules)
    }

    /// Decodes and validates the JSON array of a rules file.
    ///
    /// - Throws: `ConfigDecodingError` naming the rule and the field of the problem.
    public init(json: [UInt8]) throws(ConfigDecodingError) {
        self = try ConfigCoder.decode(EndpointRules.self, from: json)
    }

    private init(validated rules: [EndpointRule]) {
        self.rules = rules
    }

    /// Decodes a JSON array of rules, validated.
    public init(from decoder: any Decoder) throws {
        let rules = try decoder.singleValueContainer().decode([EndpointRule].self)
        if let problem = Self.problem(in: rules) {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath + problem.codingPath, debugDescription: problem.message))
        }
        self.init(validated: rules)
    }

    /// Encodes the rules as a JSON array.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rules)
    }
}
