/// A unitary event: what a journey can wait for or enter on.
public struct EventConfig: Hashable, Sendable {
    /// The stable identifier (journeys keep working after a rename).
    public var id: String
    /// The name used in journeys and expressions (`@{name.field}`): ≤ 30 characters of `[A-Za-z0-9_]`.
    public var name: String
    /// A description for the people who pick the event.
    public var description: String?
    /// Whether the event concerns one person. Business events are out of scope: always `true`.
    public var unitary: Bool
    /// How incoming events are recognised as this event.
    public var eventIDType: EventIDType
    /// The fields the event carries.
    public var schema: FieldSchema
    /// The identity namespace of the key, e.g. `Email`, `CRM`, `ECID`, `Phone`.
    public var namespace: String
    /// An expression computing the profile id from the payload.
    ///
    /// `nil` means the default: the schema's primary identity field, else the first id of the
    /// event's `identityMap` for the namespace (see `defaultKeyExpression`).
    public var key: String?

    /// Creates an event config.
    public init(
        id: String, name: String, description: String? = nil, unitary: Bool = true,
        eventIDType: EventIDType, schema: FieldSchema = FieldSchema(), namespace: String, key: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.unitary = unitary
        self.eventIDType = eventIDType
        self.schema = schema
        self.namespace = namespace
        self.key = key
    }

    /// The longest allowed event name.
    public static let maximumNameLength = 30

    /// Whether `name` is a valid event name: 1–30 characters of `[A-Za-z0-9_]`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= maximumNameLength
            && name.unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The key expression in use: `key`, else the primary identity field, else `identityMap`'s first id.
    public var effectiveKeyExpression: String { key ?? defaultKeyExpression }

    /// The default key: `@event{Name.path}` of the primary identity, else the namespace's first `identityMap` id.
    public var defaultKeyExpression: String {
        if let path = schema.primaryIdentityPath { return "@event{\(name).\(path)}" }
        return "@event{\(name).identityMap.entry('\(namespace)').first().id}"
    }
}

extension EventConfig: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, description, unitary, eventIDType, schema, namespace, key
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        guard Self.isValidName(name) else {
            throw DecodingError.dataCorruptedError(
                forKey: .name, in: container,
                debugDescription: "an event name has 1 to 30 letters, digits or underscores, found \"\(name)\"")
        }
        description = try container.decodeIfPresent(String.self, forKey: .description)
        unitary = try container.decodeIfPresent(Bool.self, forKey: .unitary) ?? true
        eventIDType = try container.decode(EventIDType.self, forKey: .eventIDType)
        schema = try container.decodeIfPresent(FieldSchema.self, forKey: .schema) ?? FieldSchema()
        namespace = try container.decode(String.self, forKey: .namespace)
        key = try container.decodeIfPresent(String.self, forKey: .key)
        if schema.allPaths.filter(\.field.primaryIdentity).count > 1 {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: container, debugDescription: "at most one field can be the primary identity")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        if !unitary { try container.encode(unitary, forKey: .unitary) }
        try container.encode(eventIDType, forKey: .eventIDType)
        if !schema.isEmpty { try container.encode(schema, forKey: .schema) }
        try container.encode(namespace, forKey: .namespace)
        try container.encodeIfPresent(key, forKey: .key)
    }
}
