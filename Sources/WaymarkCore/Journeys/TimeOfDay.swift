/// A time of day written `HH:mm` (24-hour clock), e.g. `09:30`.
public struct TimeOfDay: Hashable, Comparable, Sendable {
    /// The hour, 0–23.
    public var hour: Int
    /// The minute, 0–59.
    public var minute: Int

    /// Creates a time of day; returns `nil` out of range.
    public init?(hour: Int, minute: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Minutes since midnight.
    public var minuteOfDay: Int { hour * 60 + minute }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minuteOfDay < rhs.minuteOfDay }
}

extension TimeOfDay: LosslessStringConvertible {
    /// Parses `HH:mm`.
    public init?(_ description: String) {
        let parts = description.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// The rendering `HH:mm`.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

extension TimeOfDay: ConfigStringValue {
    /// The format named by decoding errors.
    public static var expectedFormat: String { "a time of day such as 09:30" }
}
