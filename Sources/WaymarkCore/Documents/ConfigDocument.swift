/// One config document: an event, a data source, an action or a journey, told apart by its top-level `"kind"`.
public enum ConfigDocument: Hashable, Sendable {
    case event(EventConfig)
    case dataSource(DataSourceConfig)
    case action(ActionConfig)
    case journey(Journey)

    /// The `kind` string of the document.
    public var kind: String {
        switch self {
        case .event: "event"
        case .dataSource: "dataSource"
        case .action: "action"
        case .journey: "journey"
        }
    }

    /// The name of the config (for a journey, its name).
    public var name: String {
        switch self {
        case .event(let event): event.name
        case .dataSource(let dataSource): dataSource.name
        case .action(let action): action.name
        case .journey(let journey): journey.name
        }
    }

    /// Decodes a document from JSON data.
    ///
    /// - Throws: `ConfigDecodingError` naming the path of the problem, e.g. `nodes[3].wait.duration`.
    public static func decode(from data: [UInt8]) throws(ConfigDecodingError) -> ConfigDocument {
        try ConfigCoder.decode(ConfigDocument.self, from: data)
    }

    /// This document with the secrets of its authentication replaced (for exports).
    public func redacted() -> ConfigDocument {
        mappingSecrets { _ in Authentication.redactedSecret }
    }

    /// This document with the secrets of its authentication passed through `transform` (to
    /// seal them before storing, or open them after reading).
    public func mappingSecrets<Failure: Error>(_ transform: (String) throws(Failure) -> String) throws(Failure) -> ConfigDocument {
        switch self {
        case .dataSource(let dataSource): .dataSource(try dataSource.mappingSecrets(transform))
        case .action(let action): .action(try action.mappingSecrets(transform))
        case .event, .journey: self
        }
    }
}

extension ConfigDocument: Codable {
    private enum CodingKeys: String, CodingKey { case kind }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "event": self = .event(try EventConfig(from: decoder))
        case "dataSource": self = .dataSource(try DataSourceConfig(from: decoder))
        case "action": self = .action(try ActionConfig(from: decoder))
        case "journey": self = .journey(try Journey(from: decoder))
        default:
            throw container.unknownValue(kind, forKey: .kind, of: "document kind", expected: "event, dataSource, action or journey")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .event(let event): try event.encode(to: encoder)
        case .dataSource(let dataSource): try dataSource.encode(to: encoder)
        case .action(let action): try action.encode(to: encoder)
        case .journey(let journey): try journey.encode(to: encoder)
        }
    }
}
