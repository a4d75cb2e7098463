import Foundation

/// An instant written in configs as an ISO-8601 date-time with an offset, e.g. `2026-12-01T09:00:00Z`.
///
/// Used for journey start and end dates, fixed-date waits and date-condition periods.
public struct Timestamp: Hashable, Comparable, Sendable, LosslessStringConvertible {
    /// The instant.
    public var date: Date

    /// Creates a timestamp for an instant.
    public init(_ date: Date) { self.date = date }

    /// Parses an ISO-8601 date-time with an offset (`Z` or `±hh:mm`), with optional fractional seconds.
    public init?(_ text: String) {
        if let date = try? Date(text, strategy: .iso8601) {
            self.date = date
        } else if let date = try? Date(
            text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        {
            self.date = date
        } else {
            return nil
        }
    }

    /// The canonical rendering: UTC, seconds precision, e.g. `2026-12-01T08:00:00Z`.
    public var description: String { date.formatted(.iso8601) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.date < rhs.date }
}

extension Timestamp: ConfigStringValue {
    /// The format named by decoding errors.
    public static var expectedFormat: String { "an ISO-8601 date-time such as 2026-12-01T09:00:00Z" }
}
