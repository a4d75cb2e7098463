/// A path of a data source condition.
public struct ConditionPath: Codable, Hashable, Sendable {
    /// The label of the path (what `path` transitions name).
    public var label: String
    /// The boolean expression source.
    public var expression: String

    /// Creates a path.
    public init(label: String, expression: String) {
        self.label = label
        self.expression = expression
    }
}
