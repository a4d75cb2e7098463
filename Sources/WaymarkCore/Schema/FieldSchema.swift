/// An ordered tree of typed fields; written in configs as a JSON array of fields.
public struct FieldSchema: Hashable, Sendable {
    /// The top-level fields, in order.
    public var fields: [SchemaField]

    /// Creates a schema from its top-level fields.
    public init(_ fields: [SchemaField] = []) { self.fields = fields }

    /// Whether the schema has no field.
    public var isEmpty: Bool { fields.isEmpty }

    /// The expression language's object schema for these fields.
    public var objectSchema: ObjectSchema {
        ObjectSchema(fields: fields.map { (name: $0.name, type: $0.valueType) })
    }

    /// The field at a dotted path such as `person.name.firstName` (through objects and lists of objects).
    public func field(at path: String) -> SchemaField? {
        field(at: path.split(separator: ".").map(String.init))
    }

    /// The field at a path given as segments.
    public func field(at segments: [String]) -> SchemaField? {
        guard let first = segments.first, let field = fields.first(where: { $0.name == first }) else { return nil }
        if segments.count == 1 { return field }
        return FieldSchema(field.fields).field(at: Array(segments.dropFirst()))
    }

    /// Every field with its dotted path, depth first, in order.
    public var allPaths: [(path: String, field: SchemaField)] {
        fields.flatMap { field in
            [(path: field.name, field: field)]
                + FieldSchema(field.fields).allPaths.map { (path: field.name + "." + $0.path, field: $0.field) }
        }
    }

    /// The dotted path of the field marked as primary identity, if any.
    public var primaryIdentityPath: String? { allPaths.first { $0.field.primaryIdentity }?.path }
}

extension FieldSchema: Codable {
    public init(from decoder: any Decoder) throws {
        fields = try decoder.singleValueContainer().decode([SchemaField].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }
}
