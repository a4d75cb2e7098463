/// An infix operator of the expression language.
///
/// `and` / `or` are typed here; the evaluator short-circuits them itself.
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case and
    case or

    /// The result type for operands of these static types, or `nil` when the operator does not
    /// apply to them. `any` operands are accepted and checked at run time.
    public func resultType(_ lhs: ValueType, _ rhs: ValueType) -> ValueType? {
        nil  // filled by the function-library work
    }

    /// Applies the operator to evaluated operands.
    /// - Throws: `ExpressionError` (no position) when the run-time values do not fit.
    public func apply(_ lhs: Value, _ rhs: Value) throws(ExpressionError) -> Value {
        throw ExpressionError(.init(rawValue: "ERR_EXPR_UNSUPPORTED"), "operator \(rawValue) is not implemented yet")
    }
}
