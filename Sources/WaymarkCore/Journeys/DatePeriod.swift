/// A period from one instant (inclusive) to another (exclusive).
public struct DatePeriod: Codable, Hashable, Sendable {
    /// The start, inclusive.
    public var from: Timestamp
    /// The end, exclusive.
    public var to: Timestamp

    /// Creates a period.
    public init(from: Timestamp, to: Timestamp) {
        self.from = from
        self.to = to
    }
}
