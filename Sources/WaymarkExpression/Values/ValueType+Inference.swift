/// Types inferred from example JSON and from run-time values, and the names users see.
extension ValueType {
    /// The name users see: `string`, `integer`, …, `listString`, `listObject`, `listAny`,
    /// `object`, `null`, `any`. Lists of lists are `listAny`.
    public var name: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .decimal: "decimal"
        case .boolean: "boolean"
        case .dateOnly: "dateOnly"
        case .dateTimeOnly: "dateTimeOnly"
        case .dateTime: "dateTime"
        case .duration: "duration"
        case .object: "object"
        case .any: "any"
        case .null: "null"
        case .list(let element):
            switch element {
            case .list, .any, .null: "listAny"
            case .object: "listObject"
            default: "list" + element.name.prefix(1).uppercased() + element.name.dropFirst()
            }
        }
    }

    /// The type of the example `json`: integers are `integer`, other numbers `decimal`; an
    /// array's element type merges those of its elements (integer with decimal gives decimal,
    /// objects merge their fields, other mixes give `any`, an empty array `listAny`); objects keep
    /// their key order.
    public static func inferred(from json: JSONValue) -> ValueType {
        switch json {
        case .null: .null
        case .bool: .boolean
        case .int: .integer
        case .double: .decimal
        case .string: .string
        case .array(let elements): .list(elementType(elements.map(inferred(from:))))
        case .object(let fields): .object(ObjectSchema(fields: fields.pairs.map { ($0.key, inferred(from: $0.value)) }))
        }
    }

    /// The run-time type of a value, inferred the same way as from JSON.
    public static func dynamicType(of value: Value) -> ValueType {
        switch value {
        case .list(let elements): .list(elementType(elements.map(dynamicType(of:))))
        case .object(let fields): .object(ObjectSchema(fields: fields.pairs.map { ($0.key, dynamicType(of: $0.value)) }))
        default: value.shallowType
        }
    }

    /// The element type of a list whose elements have these types (nulls are ignored).
    static func elementType(_ types: [ValueType]) -> ValueType {
        var merged: ValueType?
        for type in types where type != .null {
            merged = merged.map { $0.merged(with: type) } ?? type
        }
        guard let merged else { return .any }
        if case .list = merged { return .any }
        return merged
    }

    /// The type that covers both `self` and `other`: integer with decimal is decimal, objects
    /// merge their fields (first-seen order), null gives way, other mixes are `any`.
    public func merged(with other: ValueType) -> ValueType {
        switch (self, other) {
        case _ where self == other: self
        case (.null, _): other
        case (_, .null): self
        case (.integer, .decimal), (.decimal, .integer): .decimal
        case (.list(let a), .list(let b)): .list(a.merged(with: b))
        case (.object(let a), .object(let b)):
            .object(a.flatMap { a in b.map { a.merged(with: $0) } })
        default: .any
        }
    }

    /// Whether values of this type are numbers.
    public var isNumeric: Bool { self == .integer || self == .decimal }

    /// The element type when this is a list.
    public var listElement: ValueType? {
        if case .list(let element) = self { return element }
        return nil
    }
}

extension ObjectSchema {
    /// The fields of both schemas, in first-seen order; a field in both gets the merged type.
    public func merged(with other: ObjectSchema) -> ObjectSchema {
        var result = fields
        for field in other.fields {
            if let position = result.firstIndex(where: { $0.name == field.name }) {
                result[position].type = result[position].type.merged(with: field.type)
            } else {
                result.append(field)
            }
        }
        return ObjectSchema(fields: result)
    }
}
