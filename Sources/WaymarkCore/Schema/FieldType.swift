/// The type of a schema field, named as in the expression language (`listString`, `listObject`, …).
public enum FieldType: String, Codable, Hashable, Sendable, CaseIterable {
    case string, integer, decimal, boolean, dateOnly, dateTimeOnly, dateTime, duration
    /// An object whose fields are the field's `fields`.
    case object
    case listString, listInteger, listDecimal, listBoolean
    case listDateOnly, listDateTimeOnly, listDateTime, listDuration
    /// A list of objects whose fields are the field's `fields`.
    case listObject

    /// Whether values of this type carry nested fields (`object`, `listObject`).
    public var hasFields: Bool { self == .object || self == .listObject }

    /// Whether this is a list type.
    public var isList: Bool { rawValue.hasPrefix("list") }

    /// The expression language's type for this field type, given the nested object schema.
    public func valueType(fields: ObjectSchema) -> ValueType {
        switch self {
        case .string: .string
        case .integer: .integer
        case .decimal: .decimal
        case .boolean: .boolean
        case .dateOnly: .dateOnly
        case .dateTimeOnly: .dateTimeOnly
        case .dateTime: .dateTime
        case .duration: .duration
        case .object: .object(fields)
        case .listString: .list(.string)
        case .listInteger: .list(.integer)
        case .listDecimal: .list(.decimal)
        case .listBoolean: .list(.boolean)
        case .listDateOnly: .list(.dateOnly)
        case .listDateTimeOnly: .list(.dateTimeOnly)
        case .listDateTime: .list(.dateTime)
        case .listDuration: .list(.duration)
        case .listObject: .list(.object(fields))
        }
    }

    /// The list type whose elements have this scalar type, or `nil` for objects and lists.
    public var listType: FieldType? {
        switch self {
        case .string: .listString
        case .integer: .listInteger
        case .decimal: .listDecimal
        case .boolean: .listBoolean
        case .dateOnly: .listDateOnly
        case .dateTimeOnly: .listDateTimeOnly
        case .dateTime: .listDateTime
        case .duration: .listDuration
        case .object: .listObject
        default: nil
        }
    }
}
