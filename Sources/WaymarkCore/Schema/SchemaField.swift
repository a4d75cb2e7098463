/// One typed field of a payload schema: an event payload, a field group, an action response.
public struct SchemaField: Hashable, Sendable {
    /// The field name (a path segment, e.g. `email`).
    public var name: String
    /// The field type.
    public var type: FieldType
    /// Whether the field must be present.
    public var required: Bool
    /// Whether this field is the profile identity (at most one per event schema).
    public var primaryIdentity: Bool
    /// An optional description for the people who browse fields.
    public var description: String?
    /// Nested fields of an `object` or `listObject` field, in order; empty otherwise.
    public var fields: [SchemaField]

    /// Creates a field.
    public init(
        name: String, type: FieldType, required: Bool = false, primaryIdentity: Bool = false,
        description: String? = nil, fields: [SchemaField] = []
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.primaryIdentity = primaryIdentity
        self.description = description
        self.fields = fields
    }

    /// The expression language's type of this field.
    public var valueType: ValueType { type.valueType(fields: FieldSchema(fields).objectSchema) }
}

extension SchemaField: Codable {
    private enum CodingKeys: String, CodingKey { case name, type, required, primaryIdentity, description, fields }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(FieldType.self, forKey: .type)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        primaryIdentity = try container.decodeIfPresent(Bool.self, forKey: .primaryIdentity) ?? false
        description = try container.decodeIfPresent(String.self, forKey: .description)
        fields = try container.decodeIfPresent([SchemaField].self, forKey: .fields) ?? []
        if !fields.isEmpty && !type.hasFields {
            throw DecodingError.dataCorruptedError(
                forKey: .fields, in: container,
                debugDescription: "only object and listObject fields have nested fields")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        if required { try container.encode(true, forKey: .required) }
        if primaryIdentity { try container.encode(true, forKey: .primaryIdentity) }
        try container.encodeIfPresent(description, forKey: .description)
        if !fields.isEmpty { try container.encode(fields, forKey: .fields) }
    }
}
