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

    /// Same name and same source text.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.name == rhs.name && lhs.value.source == rhs.value.source
    }

    /// Hashes the name and the source text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(value.source)
    }
}
