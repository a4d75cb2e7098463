/// A duration written in configs as an ISO-8601 string such as `PT1H` or `P30D`.
///
/// Only weeks, days, hours, minutes and seconds are accepted (a day is 24 hours; months and
/// years have no fixed length). A leading `-` makes the duration negative. The canonical
/// rendering uses days, hours, minutes and seconds (`P1DT2H30M`, `PT0.5S`, `PT0S`).
public struct ISODuration: Hashable, Comparable, Sendable {
    /// The length in milliseconds.
    public var milliseconds: Int64

    /// Creates a duration of the given number of milliseconds.
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// A duration of `seconds` seconds.
    public static func seconds(_ seconds: Int64) -> ISODuration { ISODuration(milliseconds: seconds * 1_000) }
    /// A duration of `minutes` minutes.
    public static func minutes(_ minutes: Int64) -> ISODuration { .seconds(minutes * 60) }
    /// A duration of `hours` hours.
    public static func hours(_ hours: Int64) -> ISODuration { .minutes(hours * 60) }
    /// A duration of `days` days of 24 hours.
    public static func days(_ days: Int64) -> ISODuration { .hours(days * 24) }

    /// The same length as the expression language's `TimeSpan`.
    public var timeSpan: TimeSpan { TimeSpan(milliseconds: milliseconds) }

    public static func < (lhs: ISODuration, rhs: ISODuration) -> Bool { lhs.milliseconds < rhs.milliseconds }
}

extension ISODuration: LosslessStringConvertible {
    /// Parses an ISO-8601 duration such as `PT1H`, `P2DT30M`, `PT0.25S` or `-PT5M`.
    public init?(_ description: String) {
        var text = Substring(description)
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        guard text.hasPrefix("P") else { return nil }
        text = text.dropFirst()
        var total: Double = 0
        var inTime = false
        var number = ""
        var sawComponent = false
        var sawTimeComponent = false
        for character in text {
            if character.isNumber || character == "." || character == "," {
                number.append(character == "," ? "." : character)
                continue
            }
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            guard let value = Double(number) else { return nil }
            number = ""
            let unit: Double
            switch (inTime, character) {
            case (false, "W"): unit = 7 * 86_400
            case (false, "D"): unit = 86_400
            case (true, "H"): unit = 3_600
            case (true, "M"): unit = 60
            case (true, "S"): unit = 1
            default: return nil
            }
            total += value * unit
            sawComponent = true
            sawTimeComponent = sawTimeComponent || inTime
        }
        guard number.isEmpty, sawComponent, !inTime || sawTimeComponent, total < 1e15 else { return nil }
        let milliseconds = Int64((total * 1_000).rounded())
        self.milliseconds = negative ? -milliseconds : milliseconds
    }

    /// The canonical ISO-8601 rendering, e.g. `P1DT2H`, `PT1.5S`, `PT0S`.
    public var description: String {
        var rest = milliseconds.magnitude
        let days = rest / 86_400_000
        rest %= 86_400_000
        let hours = rest / 3_600_000
        rest %= 3_600_000
        let minutes = rest / 60_000
        rest %= 60_000
        var text = milliseconds < 0 ? "-P" : "P"
        if days > 0 { text += "\(days)D" }
        if rest > 0 || hours > 0 || minutes > 0 || days == 0 { text += "T" }
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if rest > 0 || (days == 0 && hours == 0 && minutes == 0) {
            let seconds = rest / 1_000
            let fraction = rest % 1_000
            if fraction == 0 {
                text += "\(seconds)S"
            } else {
                var digits = String(fraction)
                digits = String(repeating: "0", count: 3 - digits.count) + digits
                while digits.hasSuffix("0") { digits.removeLast() }
                text += "\(seconds).\(digits)S"
            }
        }
        return text
    }
}

extension ISODuration: ConfigStringValue {
    /// The format named by decoding errors.
    public static var expectedFormat: String { "an ISO-8601 duration such as PT1H" }
}
