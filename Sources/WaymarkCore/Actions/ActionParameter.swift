/// A header, query parameter, payload field or template field of an action: constant, variable or a nested object.
public struct ActionParameter: Hashable, Sendable {
    /// The field name.
    public var name: String
    /// What the field holds.
    public var value: Value

    /// Creates a parameter.
    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    /// A constant parameter.
    public static func constant(_ name: String, _ value: JSONValue) -> ActionParameter {
        ActionParameter(name: name, value: .constant(value))
    }

    /// A variable parameter that journeys map with an expression.
    public static func variable(_ name: String, _ type: FieldType, required: Bool = false, fields: [SchemaField] = []) -> ActionParameter {
        ActionParameter(name: name, value: .variable(type: type, required: required, fields: fields))
    }

    /// What an action parameter holds.
    public enum Value: Hashable, Sendable {
        /// A value set by the technical user, hidden from journey designers.
        case constant(JSONValue)
        /// A value a journey maps; `fields` describe the elements of `object` / `listObject` variables.
        case variable(type: FieldType, required: Bool, fields: [SchemaField])
        /// A nested object of parameters.
        case object([ActionParameter])
    }

    /// A variable field found in a parameter tree.
    public struct Variable: Hashable, Sendable {
        /// The dotted path of the field, e.g. `customer.email`.
        public var path: String
        /// The type a mapping must produce.
        public var type: FieldType
        /// Whether a journey must map it.
        public var required: Bool
        /// The element fields of an `object` / `listObject` variable.
        public var fields: [SchemaField]

        /// The expression language's type a mapping must produce.
        public var valueType: ValueType { type.valueType(fields: FieldSchema(fields).objectSchema) }
    }

    /// Every variable of a parameter tree with its dotted path, in order.
    public static func variables(in parameters: [ActionParameter], prefix: String = "") -> [Variable] {
        parameters.flatMap { parameter -> [Variable] in
            let path = prefix + parameter.name
            switch parameter.value {
            case .constant: return []
            case .variable(let type, let required, let fields):
                return [Variable(path: path, type: type, required: required, fields: fields)]
            case .object(let children): return variables(in: children, prefix: path + ".")
            }
        }
    }
}

extension ActionParameter: Codable {
    private enum CodingKeys: String, CodingKey { case name, kind, value, type, required, fields }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "constant":
            value = .constant(try container.decode(JSONValue.self, forKey: .value))
        case "variable":
            value = .variable(
                type: try container.decode(FieldType.self, forKey: .type),
                required: try container.decodeIfPresent(Bool.self, forKey: .required) ?? false,
                fields: try container.decodeIfPresent([SchemaField].self, forKey: .fields) ?? [])
        case "object":
            value = .object(try container.decode([ActionParameter].self, forKey: .fields))
        default:
            throw container.unknownValue(kind, forKey: .kind, of: "parameter kind", expected: "constant, variable or object")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        switch value {
        case .constant(let value):
            try container.encode("constant", forKey: .kind)
            try container.encode(value, forKey: .value)
        case .variable(let type, let required, let fields):
            try container.encode("variable", forKey: .kind)
            try container.encode(type, forKey: .type)
            if required { try container.encode(true, forKey: .required) }
            if !fields.isEmpty { try container.encode(fields, forKey: .fields) }
        case .object(let children):
            try container.encode("object", forKey: .kind)
            try container.encode(children, forKey: .fields)
        }
    }
}
