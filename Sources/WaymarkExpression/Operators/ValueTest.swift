/// A postfix test: `is null`, `is not null`, `has null`, `is numeric`, `is integer`, `is decimal`.
///
/// The number tests look at the run-time value: `is numeric` is true for integers and
/// decimals (never for strings of digits), `is integer` / `is decimal` for that kind only.
public enum ValueTest: String, Sendable, CaseIterable {
    case isNull = "is null"
    case isNotNull = "is not null"
    case hasNull = "has null"
    case isNumeric = "is numeric"
    case isInteger = "is integer"
    case isDecimal = "is decimal"

    /// Whether the test applies to an operand of this static type (`has null` needs a list).
    public func accepts(_ operand: ValueType) -> Bool {
        switch self {
        case .hasNull:
            if case .list = operand { return true }
            return operand == .any || operand == .null
        case .isNull, .isNotNull, .isNumeric, .isInteger, .isDecimal:
            return true
        }
    }

    /// The outcome of the test on an evaluated operand.
    public func apply(_ operand: Value) -> Bool {
        switch (self, operand) {
        case (.isNull, _): operand == .null
        case (.isNotNull, _): operand != .null
        case (.hasNull, .list(let elements)): elements.contains(.null)
        case (.isNumeric, .integer), (.isNumeric, .decimal), (.isInteger, .integer), (.isDecimal, .decimal): true
        default: false
        }
    }
}
