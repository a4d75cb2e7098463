/// The static type of an expression or a field, as the type checker and users see it.
///
/// Lists are homogeneous: `list(.string)` is `listString`. `list(.object(_))` is `listObject`
/// and `list(.any)` is `listAny`; both only come from field references. `any` is a type that
/// is only known at run time (a field whose type no schema fixes).
public indirect enum ValueType: Hashable, Sendable {
    case string
    case integer
    case decimal
    case boolean
    case dateOnly
    case dateTimeOnly
    case dateTime
    case duration
    /// A homogeneous list of the element type.
    case list(ValueType)
    /// An object; the schema is `nil` when its fields are unknown.
    case object(ObjectSchema?)
    /// A value whose type is only known at run time.
    case any
    /// The type of a missing value.
    case null
}

/// The fields of an object type, in declaration order.
public struct ObjectSchema: Hashable, Sendable {
    /// Field names with their types, in declaration order.
    public var fields: [(name: String, type: ValueType)] {
        get { zip(names, types).map { ($0, $1) } }
        set {
            names = newValue.map(\.name)
            types = newValue.map(\.type)
        }
    }
    private var names: [String]
    private var types: [ValueType]

    /// Creates a schema from fields in declaration order.
    public init(fields: [(name: String, type: ValueType)] = []) {
        names = fields.map(\.name)
        types = fields.map(\.type)
    }

    /// The type of the field named `name`, or `nil` when the schema has no such field.
    public func type(of name: String) -> ValueType? {
        names.firstIndex(of: name).map { types[$0] }
    }
}
