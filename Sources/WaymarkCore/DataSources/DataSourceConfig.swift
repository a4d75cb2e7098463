/// A data source: the built-in profile store or an external REST service, with its field groups.
public struct DataSourceConfig: Hashable, Sendable {
    /// The name used in expressions (`#{Name.FieldGroup.field}`).
    public var name: String
    /// A description for the people who browse fields.
    public var description: String?
    /// Where the data comes from.
    public var provider: DataSourceProvider
    /// The field groups: each one fetched in a single call.
    public var fieldGroups: [FieldGroup]

    /// Creates a data source config.
    public init(name: String, description: String? = nil, provider: DataSourceProvider, fieldGroups: [FieldGroup] = []) {
        self.name = name
        self.description = description
        self.provider = provider
        self.fieldGroups = fieldGroups
    }

    /// The field group named `name`.
    public func fieldGroup(named name: String) -> FieldGroup? { fieldGroups.first { $0.name == name } }

    /// This config with the secrets of its authentication replaced.
    public func redacted() -> DataSourceConfig {
        mappingSecrets { _ in Authentication.redactedSecret }
    }

    /// This config with the secrets of its authentication passed through `transform`.
    public func mappingSecrets<Failure: Error>(_ transform: (String) throws(Failure) -> String) throws(Failure) -> DataSourceConfig {
        var copy = self
        if case .rest(let baseURL, let authentication) = provider {
            copy.provider = .rest(baseURL: baseURL, authentication: try authentication.mappingSecrets(transform))
        }
        return copy
    }
}

extension DataSourceConfig: Codable {
    private enum CodingKeys: String, CodingKey { case name, description, provider, baseURL, authentication, fieldGroups }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        let provider = try container.decode(String.self, forKey: .provider)
        switch provider {
        case "experiencePlatform":
            self.provider = .experiencePlatform
        case "rest":
            self.provider = .rest(
                baseURL: try container.decode(String.self, forKey: .baseURL),
                authentication: try container.decodeIfPresent(Authentication.self, forKey: .authentication) ?? .none)
        default:
            throw container.unknownValue(provider, forKey: .provider, of: "provider", expected: "experiencePlatform or rest")
        }
        fieldGroups = try container.decodeIfPresent([FieldGroup].self, forKey: .fieldGroups) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        switch provider {
        case .experiencePlatform:
            try container.encode("experiencePlatform", forKey: .provider)
        case .rest(let baseURL, let authentication):
            try container.encode("rest", forKey: .provider)
            try container.encode(baseURL, forKey: .baseURL)
            if authentication != .none { try container.encode(authentication, forKey: .authentication) }
        }
        if !fieldGroups.isEmpty { try container.encode(fieldGroups, forKey: .fieldGroups) }
    }
}
