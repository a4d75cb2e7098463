/// Equality and order of values as the language defines them.
extension Value {
    /// Equality as `==` sees it: integers and decimals compare numerically, dateTimes by
    /// instant, lists element by element, objects field by field; values of different kinds
    /// are not equal; `null` equals only `null`.
    public static func languageEquals(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .decimal(let b)): compareNumbers(a, b) == 0
        case (.decimal(let a), .integer(let b)): compareNumbers(b, a) == 0
        case (.list(let a), .list(let b)): a.count == b.count && zip(a, b).allSatisfy { languageEquals($0, $1) }
        case (.object(let a), .object(let b)):
            a.count == b.count && a.keys.allSatisfy { key in b[key].map { languageEquals(a[key] ?? .null, $0) } ?? false }
        default: lhs == rhs
        }
    }

    /// The order of two values of an ordered kind (numbers, strings, dates, durations):
    /// negative, zero or positive; `nil` when they cannot be ordered (other kinds, different
    /// kinds, NaN, null). Strings order by Swift's Unicode string order, dateTimes by instant,
    /// integers and decimals numerically (exactly, without rounding large integers).
    public static func compare(_ lhs: Value, _ rhs: Value) -> Int? {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): a < b ? -1 : (a == b ? 0 : 1)
        case (.decimal(let a), .decimal(let b)): a < b ? -1 : (a == b ? 0 : (a > b ? 1 : nil))
        case (.integer(let a), .decimal(let b)): compareNumbers(a, b)
        case (.decimal(let a), .integer(let b)): compareNumbers(b, a).map { -$0 }
        case (.string(let a), .string(let b)): a < b ? -1 : (a == b ? 0 : 1)
        case (.dateTime(let a), .dateTime(let b)): order(a, b)
        case (.dateTimeOnly(let a), .dateTimeOnly(let b)): order(a, b)
        case (.dateOnly(let a), .dateOnly(let b)): order(a, b)
        case (.duration(let a), .duration(let b)): order(a, b)
        case (.boolean(let a), .boolean(let b)): a == b ? 0 : (!a ? -1 : 1)
        default: nil
        }
    }

    private static func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }

    /// Compares an integer with a decimal exactly (no rounding of large integers); `nil` for NaN.
    static func compareNumbers(_ integer: Int64, _ decimal: Double) -> Int? {
        if decimal.isNaN { return nil }
        if decimal >= 9_223_372_036_854_775_808.0 { return -1 }
        if decimal < -9_223_372_036_854_775_808.0 { return 1 }
        let floor = decimal.rounded(.down)
        let floorInteger = Int64(floor)
        if integer != floorInteger { return integer < floorInteger ? -1 : 1 }
        return floor == decimal ? 0 : -1
    }
}
