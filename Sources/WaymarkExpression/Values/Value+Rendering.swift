/// How values render as text (`toString`, string concatenation, `serializeList`).
extension Value {
    /// The text of this value as `toString` gives it: strings as they are, numbers in decimal
    /// (`3.0`, `1.0E16`), dates and durations in ISO-8601, lists and objects as compact JSON,
    /// `null` as `null`.
    public var rendered: String {
        switch self {
        case .null: "null"
        case .string(let string): string
        case .integer(let int): String(int)
        case .decimal(let double): Self.renderDecimal(double)
        case .boolean(let bool): bool ? "true" : "false"
        case .dateOnly(let date): date.iso8601
        case .dateTimeOnly(let dateTime): dateTime.iso8601
        case .dateTime(let dateTime): dateTime.iso8601
        case .duration(let span): span.iso8601
        case .list, .object: jsonValue.serialized()
        }
    }

    /// A decimal as text, close to Java's `Double.toString`: always a fraction or an exponent
    /// (`3.0`, `0.1`, `1.0E16`, `1.5E-7`), `NaN`, `Infinity`, `-Infinity`.
    static func renderDecimal(_ double: Double) -> String {
        guard double.isFinite else { return double.isNaN ? "NaN" : (double < 0 ? "-Infinity" : "Infinity") }
        let text = double.description
        guard let e = text.utf8.firstIndex(of: UInt8(ascii: "e")) else {
            return text.utf8.contains(UInt8(ascii: ".")) ? text : text + ".0"
        }
        var mantissa = String(text[..<e])
        var exponent = String(text[text.index(after: e)...])
        if !mantissa.contains(".") { mantissa += ".0" }
        if exponent.hasPrefix("+") { exponent.removeFirst() }
        if exponent.hasPrefix("-0") { exponent = "-" + exponent.dropFirst(2) }
        while exponent.hasPrefix("0"), exponent.count > 1 { exponent.removeFirst() }
        return mantissa + "E" + exponent
    }
}
