/// A path of a date condition.
public struct DatePath: Codable, Hashable, Sendable {
    /// The label of the path.
    public var label: String
    /// The periods in which the path is taken.
    public var periods: [DatePeriod]

    /// Creates a path.
    public init(label: String, periods: [DatePeriod]) {
        self.label = label
        self.periods = periods
    }
}
