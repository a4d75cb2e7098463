/// ISO-8601 parsing and rendering of the temporal values.

extension LocalDate {
    /// Parses `YYYY-MM-DD`; `nil` when malformed or not a real day.
    public init?(iso8601 text: String) {
        var scanner = ISO8601Scanner(text)
        guard let date = scanner.date(), scanner.isAtEnd else { return nil }
        self = date
    }

    /// `YYYY-MM-DD`.
    public var iso8601: String {
        let yearText: String
        if (0...9999).contains(year) {
            yearText = zeroPadded(year, width: 4)
        } else {
            yearText = (year < 0 ? "-" : "+") + String(abs(year))
        }
        return yearText + "-" + twoDigits(month) + "-" + twoDigits(day)
    }
}

extension LocalDateTime {
    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]]`; `nil` when malformed.
    public init?(iso8601 text: String) {
        var scanner = ISO8601Scanner(text)
        guard let value = scanner.dateTime(), scanner.isAtEnd else { return nil }
        self = value
    }

    /// `YYYY-MM-DDTHH:MM:SS`, with `.fff` when the milliseconds are not zero.
    public var iso8601: String {
        var text = date.iso8601 + "T" + twoDigits(hour) + ":" + twoDigits(minute) + ":" + twoDigits(second)
        if millisecond != 0 {
            text += "." + zeroPadded(millisecond, width: 3)
        }
        return text
    }
}

extension ZonedDateTime {
    /// Parses an ISO-8601 date-time with an offset (`2021-02-19T10:00:00Z`,
    /// `2021-02-19T10:00:00.5+01:00`), optionally followed by a region
    /// (`…+01:00[Europe/Paris]`; the region then becomes the zone), or with a region only.
    /// `nil` when malformed, when the zone is unknown, or when no zone is given.
    public init?(iso8601 text: String) {
        var scanner = ISO8601Scanner(text)
        guard let local = scanner.dateTime() else { return nil }
        let offset = scanner.peek == UInt8(ascii: "[") ? nil : scanner.offsetSeconds()
        var zone = offset.map { Zone.offset(seconds: $0) }
        if scanner.peek == UInt8(ascii: "[") {
            guard let id = scanner.bracketedRegion(), let region = Zone(identifier: id) else { return nil }
            zone = region
        }
        guard scanner.isAtEnd, let zone else { return nil }
        let instant = offset.map { local.millisecondsSinceLocalEpoch - Int64($0) * 1000 } ?? zone.epochMilliseconds(of: local)
        guard let instant else { return nil }
        self.init(epochMilliseconds: instant, zone: zone)
    }

    /// The instant at which `local` is shown in `zone`; `nil` out of range.
    public init?(local: LocalDateTime, zone: Zone) {
        guard let instant = zone.epochMilliseconds(of: local) else { return nil }
        self.init(epochMilliseconds: instant, zone: zone)
    }

    /// The offset from UTC in seconds at this instant in this zone.
    public var offsetSeconds: Int { zone.offsetSeconds(atEpochMilliseconds: epochMilliseconds) }

    /// The local date-time shown in this zone at this instant.
    public var localDateTime: LocalDateTime {
        let (local, overflow) = epochMilliseconds.addingReportingOverflow(Int64(offsetSeconds) * 1000)
        return LocalDateTime(millisecondsSinceLocalEpoch: overflow ? epochMilliseconds : local)
            ?? LocalDateTime(date: LocalDate(year: 1970, month: 1, day: 1), millisecondOfDay: 0)
    }

    /// ISO-8601 with the offset in force: `2021-02-19T10:00:00Z`, `2021-02-19T11:00:00.250+01:00`.
    public var iso8601: String {
        localDateTime.iso8601 + Zone.renderOffset(offsetSeconds)
    }

    /// The same instant shown in another zone.
    public func inZone(_ zone: Zone) -> ZonedDateTime {
        ZonedDateTime(epochMilliseconds: epochMilliseconds, zone: zone)
    }

    /// This instant moved by an amount of a calendar unit in its zone: years, months and days
    /// change the local date (clamping month ends) and keep the local time; hours, minutes and
    /// seconds are exact. `nil` out of range.
    public func adding(_ amount: Int64, _ unit: CalendarUnit) -> ZonedDateTime? {
        switch unit {
        case .hours, .minutes, .seconds:
            let (delta, overflow) = amount.multipliedReportingOverflow(by: unit.milliseconds)
            return overflow ? nil : adding(milliseconds: delta)
        case .years, .months, .days:
            return localDateTime.adding(amount, unit).flatMap { ZonedDateTime(local: $0, zone: zone) }
        }
    }

    /// This instant moved by exact milliseconds; `nil` out of range.
    public func adding(milliseconds: Int64) -> ZonedDateTime? {
        let (sum, overflow) = epochMilliseconds.addingReportingOverflow(milliseconds)
        guard !overflow, LocalDateTime(millisecondsSinceLocalEpoch: sum) != nil else { return nil }
        return ZonedDateTime(epochMilliseconds: sum, zone: zone)
    }
}

extension TimeSpan {
    /// Parses an ISO-8601 duration made of days, hours, minutes and seconds: `PT1H30M`,
    /// `P2DT3H`, `PT1.52S`, `-PT5M`, `PT-5M`. Years, months and weeks are refused (their length
    /// varies). `nil` when malformed or too large.
    public init?(iso8601 text: String) {
        var bytes = Substring(text).utf8[...]
        var negate = false
        if bytes.first == UInt8(ascii: "-") { negate = true; bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard let p = bytes.first, p == UInt8(ascii: "P") || p == UInt8(ascii: "p") else { return nil }
        bytes = bytes.dropFirst()
        var total: Int64 = 0
        var inTime = false, sawComponent = false, sawSeconds = false
        var lastUnitRank = -1
        while let byte = bytes.first {
            if byte == UInt8(ascii: "T") || byte == UInt8(ascii: "t") {
                guard !inTime else { return nil }
                inTime = true
                bytes = bytes.dropFirst()
                guard !bytes.isEmpty else { return nil }
                continue
            }
            guard !sawSeconds, let (milliseconds, unit) = Self.component(&bytes) else { return nil }
            let rank: Int
            let scale: Int64
            switch (unit, inTime) {
            case (UInt8(ascii: "D"), false), (UInt8(ascii: "d"), false): rank = 0; scale = LocalDate.millisecondsPerDay
            case (UInt8(ascii: "H"), true), (UInt8(ascii: "h"), true): rank = 1; scale = 3_600_000
            case (UInt8(ascii: "M"), true), (UInt8(ascii: "m"), true): rank = 2; scale = 60_000
            case (UInt8(ascii: "S"), true), (UInt8(ascii: "s"), true): rank = 3; scale = 1000; sawSeconds = true
            default: return nil
            }
            guard rank > lastUnitRank else { return nil }
            lastUnitRank = rank
            // `milliseconds` is the component in thousandths of its unit.
            let (scaled, overflow1) = milliseconds.multipliedReportingOverflow(by: scale)
            let (sum, overflow2) = total.addingReportingOverflow(scaled / 1000)
            guard !overflow1, !overflow2 else { return nil }
            total = sum
            sawComponent = true
        }
        guard sawComponent else { return nil }
        self.init(milliseconds: negate ? -total : total)
    }

    /// Reads a signed number with an optional fraction (only for seconds) and its unit letter;
    /// returns the number in thousandths.
    private static func component(_ bytes: inout Substring.UTF8View.SubSequence) -> (Int64, UInt8)? {
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var whole: Int64 = 0, digitCount = 0
        while let byte = bytes.first, byte >= 48, byte <= 57 {
            guard digitCount < 15 else { return nil }
            whole = whole * 10 + Int64(byte - 48)
            digitCount += 1
            bytes = bytes.dropFirst()
        }
        guard digitCount > 0 else { return nil }
        var thousandths = whole * 1000
        if let byte = bytes.first, byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
            bytes = bytes.dropFirst()
            var scale: Int64 = 100, fractionDigits = 0
            while let byte = bytes.first, byte >= 48, byte <= 57 {
                thousandths += Int64(byte - 48) * scale
                scale /= 10
                fractionDigits += 1
                bytes = bytes.dropFirst()
            }
            guard fractionDigits > 0, fractionDigits <= 9,
                  bytes.first == UInt8(ascii: "S") || bytes.first == UInt8(ascii: "s") else { return nil }
        }
        guard let unit = bytes.first else { return nil }
        bytes = bytes.dropFirst()
        return (negative ? -thousandths : thousandths, unit)
    }

    /// ISO-8601 as `java.time.Duration` renders it: `PT1H30M`, `PT51H` (days become hours),
    /// `PT1.52S`, `PT0S`, and `PT-5M` for negative spans.
    public var iso8601: String {
        if milliseconds == 0 { return "PT0S" }
        let hours = milliseconds / 3_600_000
        let minutes = milliseconds % 3_600_000 / 60_000
        let secondsInMilliseconds = milliseconds % 60_000
        var text = "PT"
        if hours != 0 { text += "\(hours)H" }
        if minutes != 0 { text += "\(minutes)M" }
        if secondsInMilliseconds != 0 {
            let magnitude = secondsInMilliseconds.magnitude
            text += secondsInMilliseconds < 0 ? "-" : ""
            text += "\(magnitude / 1000)"
            if magnitude % 1000 != 0 {
                var fraction = zeroPadded(magnitude % 1000, width: 3)
                while fraction.hasSuffix("0") { fraction.removeLast() }
                text += "." + fraction
            }
            text += "S"
        }
        return text
    }
}
