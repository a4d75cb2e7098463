/// Conversion functions.
///
/// A malformed date, date-time or duration string gives null (`toDateTime("x")` → null, as the
/// reference says); a string that is not a number is an `ERR_EXPR_CONVERSION` error in
/// `toInteger` / `toDecimal`. Epoch milliseconds are read in UTC.
extension StandardFunctions {
    static var conversionFunctions: [Entry] {
        [
            overload("toBool", [FunctionParameter(.string, .decimal, .boolean)], returns: .boolean) { args, _ throws(ExpressionError) in
                switch args.argument(0) {
                case .string(let string): return .boolean(string == "true")
                case .boolean(let boolean): return .boolean(boolean)
                default: return .boolean(try args.number(0) != 0)
                }
            },
            overload("toDateOnly", [FunctionParameter(.dateTime, .dateTimeOnly, .dateOnly, .string, .integer)], returns: .dateOnly) { args, _ throws(ExpressionError) in
                switch args.argument(0) {
                case .dateTime(let dateTime): return .dateOnly(dateTime.localDateTime.date)
                case .dateTimeOnly(let local): return .dateOnly(local.date)
                case .dateOnly: return args[0]
                case .string(let text): return localDateTime(parsing: text).map { .dateOnly($0.date) } ?? .null
                default: return .dateOnly(try instant(epochMilliseconds: try args.integer(0)).localDateTime.date)
                }
            },
            overload("toDateOnly", [.integer, .integer, .integer], returns: .dateOnly) { args, _ throws(ExpressionError) in
                let (year, month, day) = (try args.integer(0), try args.integer(1), try args.integer(2))
                guard abs(year) < 1_000_000, abs(month) < 100, abs(day) < 100,
                      let date = LocalDate(validatingYear: Int(year), month: Int(month), day: Int(day)) else {
                    throw RuntimeFailure.invalidArgument("\(year)-\(month)-\(day) is not a valid date")
                }
                return .dateOnly(date)
            },
            overload("toDateTime", [FunctionParameter(.string, .integer, .dateTime)], returns: .dateTime) { args, _ throws(ExpressionError) in
                switch args.argument(0) {
                case .string(let text): return ZonedDateTime(iso8601: text).map(Value.dateTime) ?? .null
                case .dateTime: return args[0]
                default: return .dateTime(try instant(epochMilliseconds: try args.integer(0)))
                }
            },
            overload("toDateTime", [FunctionParameter(.string), FunctionParameter(.dateTimeOnly, .dateOnly)], returns: .dateTime) { args, _ throws(ExpressionError) in
                let zone = try args.zone(0)
                let local: LocalDateTime
                switch args.argument(1) {
                case .dateOnly(let date): local = LocalDateTime(date: date, millisecondOfDay: 0)
                case .dateTimeOnly(let value): local = value
                default: throw args.mismatch(1, "a dateTimeOnly or a dateOnly")
                }
                guard let result = ZonedDateTime(local: local, zone: zone) else { throw outOfRange }
                return .dateTime(result)
            },
            overload("toDateTimeOnly", [FunctionParameter(.dateTime, .dateTimeOnly, .dateOnly, .string)], returns: .dateTimeOnly) { args, _ throws(ExpressionError) in
                switch args.argument(0) {
                case .dateTime(let dateTime): return .dateTimeOnly(dateTime.localDateTime)
                case .dateTimeOnly: return args[0]
                case .dateOnly(let date): return .dateTimeOnly(LocalDateTime(date: date, millisecondOfDay: 0))
                default:
                    let text = try args.string(0)
                    let local = LocalDateTime(iso8601: text) ?? ZonedDateTime(iso8601: text)?.localDateTime
                    return local.map(Value.dateTimeOnly) ?? .null
                }
            },
            overload("toDecimal", [FunctionParameter(.string, .decimal, .boolean, .dateTime, .duration)], returns: .decimal) { args, _ throws(ExpressionError) in
                switch args.argument(0) {
                case .string(let text):
                    guard let decimal = Double(TextSearch.trimmed(text)) else {
                        throw RuntimeFailure.conversion("\"\(text)\" is not a number")
                    }
                    return .decimal(decimal)
                default: return .decimal(Double(try integerValue(args)))
                }
            },
            overload("toDuration", [FunctionParameter(.string, .integer, .duration)], returns: .duration) { args, _ throws(ExpressionError) in
                switch args.argument(0) {
                case .string(let text): return TimeSpan(iso8601: text).map(Value.duration) ?? .null
                case .duration: return args[0]
                default: return .duration(TimeSpan(milliseconds: try args.integer(0)))
                }
            },
            overload("toInteger", [FunctionParameter(.string, .decimal, .boolean, .dateTime, .duration)], returns: .integer) { args, _ throws(ExpressionError) in
                .integer(try integerValue(args))
            },
            overload("toString", [.any], returns: .string) { args, _ in .string(args.argument(0).rendered) },
        ]
    }

    static let outOfRange = RuntimeFailure.overflow("the date is out of the supported range")

    /// The instant `milliseconds` after the epoch, in UTC.
    static func instant(epochMilliseconds milliseconds: Int64) throws(ExpressionError) -> ZonedDateTime {
        guard LocalDateTime(millisecondsSinceLocalEpoch: milliseconds) != nil else { throw outOfRange }
        return ZonedDateTime(epochMilliseconds: milliseconds, zone: .utc)
    }

    /// The local fields written in `text`: a date (at midnight), a date-time, or a date-time
    /// with an offset or zone (its local fields as written).
    static func localDateTime(parsing text: String) -> LocalDateTime? {
        if let date = LocalDate(iso8601: text) { return LocalDateTime(date: date, millisecondOfDay: 0) }
        return LocalDateTime(iso8601: text) ?? ZonedDateTime(iso8601: text)?.localDateTime
    }

    /// The first argument as an integer: decimals truncate toward zero, booleans are 1 / 0,
    /// dateTimes give epoch milliseconds, durations milliseconds, strings are parsed.
    private static func integerValue(_ args: [Value]) throws(ExpressionError) -> Int64 {
        switch args.argument(0) {
        case .integer(let integer): return integer
        case .boolean(let boolean): return boolean ? 1 : 0
        case .dateTime(let dateTime): return dateTime.epochMilliseconds
        case .duration(let span): return span.milliseconds
        case .decimal(let decimal): return try truncated(decimal, String(describing: decimal))
        case .string(let text):
            let trimmed = TextSearch.trimmed(text)
            if let integer = Int64(trimmed) { return integer }
            guard let decimal = Double(trimmed) else { throw RuntimeFailure.conversion("\"\(text)\" is not a number") }
            return try truncated(decimal, "\"\(text)\"")
        default: throw args.mismatch(0, "a string, a number, a boolean, a dateTime or a duration")
        }
    }

    private static func truncated(_ decimal: Double, _ shown: String) throws(ExpressionError) -> Int64 {
        guard let integer = Int64(exactly: decimal.rounded(.towardZero)) else {
            throw RuntimeFailure.conversion("\(shown) does not fit in a 64-bit integer")
        }
        return integer
    }
}
