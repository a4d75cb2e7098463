/// A postfix test: `is null`, `is not null`, `has null`, `is numeric`, `is integer`, `is decimal`.
public enum ValueTest: String, Sendable, CaseIterable {
    case isNull = "is null"
    case isNotNull = "is not null"
    case hasNull = "has null"
    case isNumeric = "is numeric"
    case isInteger = "is integer"
    case isDecimal = "is decimal"

    /// Whether the test applies to an operand of this static type (`has null` needs a list).
    public func accepts(_ operand: ValueType) -> Bool {
        false  // filled by the function-library work
    }

    /// The outcome of the test on an evaluated operand.
    public func apply(_ operand: Value) -> Bool {
        false  // filled by the function-library work
    }
}
