/// A cursor over the UTF-8 bytes of an ISO-8601 text, reading one field at a time.
///
/// Every reader returns `nil` (and leaves the cursor anywhere) when the text does not fit.
struct ISO8601Scanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Whether every byte has been read.
    var isAtEnd: Bool { index == bytes.count }

    /// The next byte, without reading it.
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Reads `byte` when it is next.
    mutating func consume(_ byte: Character) -> Bool {
        guard let ascii = byte.asciiValue, peek == ascii else { return false }
        index += 1
        return true
    }

    /// Reads exactly `count` decimal digits.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    /// Reads one or more decimal digits (at most 18), with their count.
    mutating func number() -> (value: Int64, count: Int)? {
        var value: Int64 = 0, count = 0
        while let byte = peek, byte >= 48, byte <= 57, count < 18 {
            value = value * 10 + Int64(byte - 48)
            count += 1
            index += 1
        }
        return count == 0 ? nil : (value, count)
    }

    /// Reads `.` or `,` and 1…9 digits of a fraction of a second, as milliseconds (truncated).
    /// Returns 0 when there is no fraction.
    mutating func fractionMilliseconds() -> Int64? {
        guard consume(".") || consume(",") else { return 0 }
        guard let (value, count) = number(), count <= 9 else { return nil }
        var scaled = value
        for _ in count..<9 { scaled *= 10 }
        return scaled / 1_000_000
    }

    /// Reads a date `YYYY-MM-DD` (a year of more than four digits needs a sign).
    mutating func date() -> LocalDate? {
        var sign = 1
        if consume("-") { sign = -1 } else if consume("+") { sign = 1 }
        let year: Int
        if sign == -1 || bytes.first == UInt8(ascii: "+") {
            guard let (value, count) = number(), count >= 4, count <= 6 else { return nil }
            year = sign * Int(value)
        } else {
            guard let value = digits(4) else { return nil }
            year = value
        }
        guard consume("-"), let month = digits(2), consume("-"), let day = digits(2) else { return nil }
        return LocalDate(validatingYear: year, month: month, day: day)
    }

    /// Reads a time `HH:MM[:SS[.fff]]` as milliseconds of the day.
    mutating func time() -> Int64? {
        guard let hour = digits(2), hour < 24, consume(":"), let minute = digits(2), minute < 60 else { return nil }
        var second = 0
        var fraction: Int64 = 0
        if consume(":") {
            guard let value = digits(2), value < 60, let milliseconds = fractionMilliseconds() else { return nil }
            second = value
            fraction = milliseconds
        }
        return Int64(hour * 3600 + minute * 60 + second) * 1000 + fraction
    }

    /// Reads a date-time `YYYY-MM-DDTHH:MM[:SS[.fff]]`.
    mutating func dateTime() -> LocalDateTime? {
        guard let date = date(), consume("T") || consume("t"), let time = time() else { return nil }
        return LocalDateTime(date: date, millisecondOfDay: time)
    }

    /// Reads an offset `Z`, `±HH`, `±HH:MM`, `±HHMM` or `±HH:MM:SS` (at most 18 hours) in seconds.
    mutating func offsetSeconds() -> Int? {
        if consume("Z") || consume("z") { return 0 }
        let sign: Int
        if consume("+") { sign = 1 } else if consume("-") { sign = -1 } else { return nil }
        guard let hours = digits(2) else { return nil }
        var minutes = 0, seconds = 0
        if consume(":") {
            guard let value = digits(2) else { return nil }
            minutes = value
            if consume(":") {
                guard let value = digits(2) else { return nil }
                seconds = value
            }
        } else if let byte = peek, byte >= 48, byte <= 57 {
            guard let value = digits(2) else { return nil }
            minutes = value
        }
        guard minutes < 60, seconds < 60 else { return nil }
        let total = hours * 3600 + minutes * 60 + seconds
        return total <= 18 * 3600 ? sign * total : nil
    }

    /// Reads a bracketed region id `[Europe/Paris]`, returning the id.
    mutating func bracketedRegion() -> String? {
        guard consume("["), let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
        let id = String(decoding: bytes[index..<close], as: UTF8.self)
        index = close + 1
        return id
    }
}
