/// A prefix operator: `not` or arithmetic negation.
public enum UnaryOperator: String, Sendable, CaseIterable {
    case not
    case negate = "-"

    /// The result type for an operand of this static type, or `nil` when it does not apply.
    public func resultType(_ operand: ValueType) -> ValueType? {
        nil  // filled by the function-library work
    }

    /// Applies the operator to an evaluated operand.
    public func apply(_ operand: Value) throws(ExpressionError) -> Value {
        throw ExpressionError(.init(rawValue: "ERR_EXPR_UNSUPPORTED"), "operator \(rawValue) is not implemented yet")
    }
}
