/// A field that a compiled expression reads: what the runtime must have at hand to evaluate it.
///
/// The path is pre-split into segments (quotes removed). Method calls written after the path
/// (`.entry('Email').first()`) are not part of it: the reference is the field they apply to.
public struct FieldReference: Hashable, Sendable {
    /// Which kind of source a reference reads.
    public enum Kind: String, Hashable, Sendable {
        /// An event payload field: `@{Event.path}` / `@event{Event.path}`.
        case event
        /// A data source field: `#{DataSource.FieldGroup.path}`.
        case dataSource
        /// A custom action response field or `jo_status_code`: `@action{Action.path}`.
        case action
        /// A journey property: `@journey{name}` (the name is the source, the path is empty).
        case journey
    }

    /// Which kind of source it reads.
    public var kind: Kind
    /// The event, data source or action name; the property name for journey properties.
    public var source: String
    /// The field group, for data sources only.
    public var fieldGroup: String?
    /// The path of the field below the source (below the field group for data sources).
    public var path: [String]
    /// The data source parameters (`params: {…}`), in written order.
    public var parameters: [ReferenceParameter]

    /// Creates a reference.
    public init(
        kind: Kind, source: String, fieldGroup: String? = nil, path: [String],
        parameters: [ReferenceParameter] = []
    ) {
        self.kind = kind
        self.source = source
        self.fieldGroup = fieldGroup
        self.path = path
        self.parameters = parameters
    }

    /// Whether this is the status of a custom action (`@action{A.jo_status_code}`).
    public var isActionStatus: Bool { kind == .action && path == ["jo_status_code"] }
}

/// One data source parameter of a reference: its name and the compiled expression of its value.
///
/// Equality and hashing use the name and the expression's source text.
public struct ReferenceParameter: Hashable, Sendable {
    /// The declared parameter name.
    public var name: String
    /// The value, to evaluate in the same context as the expression that holds it.
    public var value: CompiledExpression

    /// Creates a parameter.
    public init(name: String, value: CompiledExpression) {
        self.name = name
        self.value = value
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.name == rhs.name && lhs.value.source == rhs.value.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(value.source)
    }
}
