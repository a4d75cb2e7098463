/// An action a journey can run: a custom HTTP call or a message on a channel.
public struct ActionConfig: Hashable, Sendable {
    /// The name used in journeys and expressions (`@action{Name.field}`).
    public var name: String
    /// A description for the people who pick the action.
    public var description: String?
    /// What the action does.
    public var definition: ActionDefinition

    /// Creates an action config.
    public init(name: String, description: String? = nil, definition: ActionDefinition) {
        self.name = name
        self.description = description
        self.definition = definition
    }

    /// The variable fields a journey maps: payload fields (dotted paths) for custom actions, template fields for messages.
    public var variableFields: [ActionParameter.Variable] {
        switch definition {
        case .custom(let custom): ActionParameter.variables(in: custom.payload)
        case .message(let message): ActionParameter.variables(in: message.fields)
        }
    }

    /// This config with the secrets of its authentication replaced.
    public func redacted() -> ActionConfig {
        mappingSecrets { _ in Authentication.redactedSecret }
    }

    /// This config with the secrets of its authentication passed through `transform`.
    public func mappingSecrets<Failure: Error>(_ transform: (String) throws(Failure) -> String) throws(Failure) -> ActionConfig {
        guard case .custom(var custom) = definition else { return self }
        custom.authentication = try custom.authentication.mappingSecrets(transform)
        return ActionConfig(name: name, description: description, definition: .custom(custom))
    }
}

extension ActionConfig: Codable {
    private enum CodingKeys: String, CodingKey { case name, description, type }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "custom": definition = .custom(try CustomAction(from: decoder))
        case "message": definition = .message(try MessageAction(from: decoder))
        default:
            throw container.unknownValue(type, forKey: .type, of: "action type", expected: "custom or message")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        switch definition {
        case .custom(let custom):
            try container.encode("custom", forKey: .type)
            try custom.encode(to: encoder)
        case .message(let message):
            try container.encode("message", forKey: .type)
            try message.encode(to: encoder)
        }
    }
}
