/// Calendar arithmetic on the proleptic Gregorian calendar, with no Foundation and no clock.
///
/// Every operation that could leave the supported range (years -999 999 … 999 999) returns
/// `nil` instead of overflowing, so no user input can crash an evaluation.
extension LocalDate {
    /// The supported years: wide enough for any real date, small enough that no arithmetic
    /// on milliseconds overflows.
    static let supportedYears = -999_999...999_999

    /// Milliseconds in a day.
    static let millisecondsPerDay: Int64 = 86_400_000

    /// Creates a date when the fields name a real day (month 1…12, day within the month).
    public init?(validatingYear year: Int, month: Int, day: Int) {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysInMonth(year: year, month: month) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Whether `year` is a leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days of `month` (1…12) in `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    ///
    /// Fields out of range (possible only through the memberwise initializer) are clamped
    /// into range first, so that the arithmetic cannot overflow.
    public var daysSinceEpoch: Int64 {
        let year = Int64(min(max(self.year, Self.supportedYears.lowerBound), Self.supportedYears.upperBound))
        let m = Int64(min(max(month, 1), 12))
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(min(max(day, 1), 31)) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01, or `nil` outside the supported years.
    public init?(daysSinceEpoch days: Int64) {
        guard abs(days) < 400_000_000 else { return nil }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        guard Self.supportedYears.contains(year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// This date moved by whole days, or `nil` out of range.
    public func adding(days: Int64) -> LocalDate? {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        return overflow ? nil : LocalDate(daysSinceEpoch: sum)
    }

    /// This date moved by calendar months; the day is clamped to the end of a shorter month
    /// (Jan 31 + 1 month → Feb 28 or 29). `nil` out of range.
    public func adding(months: Int64) -> LocalDate? {
        guard abs(months) < 100_000_000 else { return nil }
        let index = Int64(year) * 12 + Int64(month - 1) + months
        let newYear = Int(index >= 0 ? index / 12 : (index - 11) / 12)
        let newMonth = Int(index - Int64(newYear) * 12) + 1
        guard Self.supportedYears.contains(newYear) else { return nil }
        return LocalDate(year: newYear, month: newMonth, day: min(day, Self.daysInMonth(year: newYear, month: newMonth)))
    }

    /// This date moved by calendar years (Feb 29 + 1 year → Feb 28). `nil` out of range.
    public func adding(years: Int64) -> LocalDate? {
        let (months, overflow) = years.multipliedReportingOverflow(by: 12)
        return overflow ? nil : adding(months: months)
    }
}

extension LocalDateTime {
    /// The local date-time whose fields are those of `milliseconds` after 1970-01-01T00:00 (as if
    /// in UTC), or `nil` out of range.
    public init?(millisecondsSinceLocalEpoch milliseconds: Int64) {
        let days = milliseconds.floorDivided(by: LocalDate.millisecondsPerDay)
        guard let date = LocalDate(daysSinceEpoch: days) else { return nil }
        self.init(date: date, millisecondOfDay: milliseconds - days * LocalDate.millisecondsPerDay)
    }

    /// Milliseconds since 1970-01-01T00:00 of these local fields, as if they were in UTC.
    public var millisecondsSinceLocalEpoch: Int64 {
        date.daysSinceEpoch * LocalDate.millisecondsPerDay + min(max(millisecondOfDay, 0), LocalDate.millisecondsPerDay - 1)
    }

    /// The milliseconds of the day clamped into 0 ..< 86 400 000.
    private var clampedMillisecondOfDay: Int { Int(min(max(millisecondOfDay, 0), LocalDate.millisecondsPerDay - 1)) }
    /// The hour of the day, 0…23.
    public var hour: Int { clampedMillisecondOfDay / 3_600_000 }
    /// The minute of the hour, 0…59.
    public var minute: Int { clampedMillisecondOfDay / 60_000 % 60 }
    /// The second of the minute, 0…59.
    public var second: Int { clampedMillisecondOfDay / 1000 % 60 }
    /// The millisecond of the second, 0…999.
    public var millisecond: Int { clampedMillisecondOfDay % 1000 }

    /// This date-time moved by an exact number of milliseconds, or `nil` out of range.
    public func adding(milliseconds: Int64) -> LocalDateTime? {
        let (sum, overflow) = millisecondsSinceLocalEpoch.addingReportingOverflow(milliseconds)
        return overflow ? nil : LocalDateTime(millisecondsSinceLocalEpoch: sum)
    }

    /// This date-time moved by an amount of a calendar unit: years, months and days move the
    /// date (clamping month ends), hours, minutes and seconds are exact. `nil` out of range.
    public func adding(_ amount: Int64, _ unit: CalendarUnit) -> LocalDateTime? {
        switch unit {
        case .years: date.adding(years: amount).map { LocalDateTime(date: $0, millisecondOfDay: millisecondOfDay) }
        case .months: date.adding(months: amount).map { LocalDateTime(date: $0, millisecondOfDay: millisecondOfDay) }
        case .days: date.adding(days: amount).map { LocalDateTime(date: $0, millisecondOfDay: millisecondOfDay) }
        case .hours, .minutes, .seconds:
            amount.multipliedReportingOverflow(by: unit.milliseconds).overflow
                ? nil : adding(milliseconds: amount * unit.milliseconds)
        }
    }
}

/// A unit of calendar arithmetic, as `nowWithDelta` names it.
public enum CalendarUnit: String, Sendable, CaseIterable {
    /// Calendar years (Feb 29 + 1 year is Feb 28).
    case years
    /// Calendar months (month ends clamp).
    case months
    /// Calendar days (the local time is kept across daylight-saving changes).
    case days
    /// Exact hours.
    case hours
    /// Exact minutes.
    case minutes
    /// Exact seconds.
    case seconds

    /// The exact length of a time unit in milliseconds (0 for date units).
    var milliseconds: Int64 {
        switch self {
        case .hours: 3_600_000
        case .minutes: 60_000
        case .seconds: 1000
        case .years, .months, .days: 0
        }
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
