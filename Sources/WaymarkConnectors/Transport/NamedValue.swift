/// A header or a query item: a name, a value, and whether the value is a secret.
///
/// Secret values (API keys, tokens) are sent but never shown: `HTTPRequestSpec.redactedURL`
/// replaces them, and nothing logs headers.
public struct NamedValue: Hashable, Sendable {
    /// The name.
    public var name: String
    /// The value, unencoded.
    public var value: String
    /// Whether the value must not appear in logs, errors or results.
    public var isSecret: Bool

    /// Creates a field.
    public init(_ name: String, _ value: String, isSecret: Bool = false) {
        self.name = name
        self.value = value
        self.isSecret = isSecret
    }
}
