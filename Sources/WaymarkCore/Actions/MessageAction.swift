/// A message sent on a channel (email, SMS, push), personalised per person.
public struct MessageAction: Hashable, Sendable {
    /// The channel the message goes out on.
    public var channel: MessageChannel
    /// The template (content) the channel renders.
    public var template: String
    /// The template fields: constants (e.g. a sender) and variables a journey personalises.
    public var fields: [ActionParameter]

    /// Creates a message action.
    public init(channel: MessageChannel, template: String, fields: [ActionParameter] = []) {
        self.channel = channel
        self.template = template
        self.fields = fields
    }
}

extension MessageAction: Codable {
    private enum CodingKeys: String, CodingKey { case channel, template, fields }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        channel = try container.decode(MessageChannel.self, forKey: .channel)
        template = try container.decode(String.self, forKey: .template)
        fields = try container.decodeIfPresent([ActionParameter].self, forKey: .fields) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(channel, forKey: .channel)
        try container.encode(template, forKey: .template)
        if !fields.isEmpty { try container.encode(fields, forKey: .fields) }
    }
}
