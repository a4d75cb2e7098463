/// A calendar date with no time and no zone (`dateOnly`).
public struct LocalDate: Hashable, Comparable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A local date-time with no zone (`dateTimeOnly`), to the millisecond.
public struct LocalDateTime: Hashable, Comparable, Sendable {
    public var date: LocalDate
    /// Milliseconds since local midnight, 0 ..< 86_400_000.
    public var millisecondOfDay: Int64

    public init(date: LocalDate, millisecondOfDay: Int64) {
        self.date = date
        self.millisecondOfDay = millisecondOfDay
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.millisecondOfDay) < (rhs.date, rhs.millisecondOfDay)
    }
}

/// A zone in which an instant is shown: a fixed UTC offset or a region id such as `Europe/Paris`.
public enum Zone: Hashable, Sendable {
    /// A fixed offset from UTC in seconds (`Z` is `.offset(0)`).
    case offset(seconds: Int)
    /// An IANA region id.
    case region(String)
}

/// An instant with the zone it is shown in (`dateTime`), to the millisecond.
///
/// Equality and order are those of the instant; the zone only changes how it renders.
public struct ZonedDateTime: Hashable, Comparable, Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var epochMilliseconds: Int64
    public var zone: Zone

    public init(epochMilliseconds: Int64, zone: Zone = .offset(seconds: 0)) {
        self.epochMilliseconds = epochMilliseconds
        self.zone = zone
    }

    public static func == (lhs: ZonedDateTime, rhs: ZonedDateTime) -> Bool {
        lhs.epochMilliseconds == rhs.epochMilliseconds
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(epochMilliseconds) }

    public static func < (lhs: ZonedDateTime, rhs: ZonedDateTime) -> Bool {
        lhs.epochMilliseconds < rhs.epochMilliseconds
    }
}

/// An exact duration (`duration`), to the millisecond; a day is 24 hours.
public struct TimeSpan: Hashable, Comparable, Sendable {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.milliseconds < rhs.milliseconds }
}
