/// A path of a percentage split.
public struct PercentagePath: Codable, Hashable, Sendable {
    /// The label of the path.
    public var label: String
    /// The share of people taking it, in percent.
    public var percentage: Double

    /// Creates a path.
    public init(label: String, percentage: Double) {
        self.label = label
        self.percentage = percentage
    }
}
