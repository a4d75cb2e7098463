/// A prefix operator: `not` or arithmetic negation.
///
/// `not null` is `true` (null counts as false, as in `and` / `or`); `-null` is null; negating
/// the smallest integer is an `ERR_EXPR_OVERFLOW` error.
public enum UnaryOperator: String, Sendable, CaseIterable {
    case not
    case negate = "-"

    /// The result type for an operand of this static type, or `nil` when it does not apply.
    public func resultType(_ operand: ValueType) -> ValueType? {
        switch (self, operand) {
        case (.not, .boolean), (.not, .any), (.not, .null): .boolean
        case (.negate, .integer), (.negate, .decimal), (.negate, .duration), (.negate, .any), (.negate, .null): operand
        default: nil
        }
    }

    /// Applies the operator to an evaluated operand.
    /// - Throws: `ExpressionError` (no position) on a run-time type mismatch or an overflow.
    public func apply(_ operand: Value) throws(ExpressionError) -> Value {
        switch (self, operand) {
        case (.not, .boolean(let bool)): return .boolean(!bool)
        case (.not, .null): return .boolean(true)
        case (.negate, .null): return .null
        case (.negate, .decimal(let double)): return .decimal(-double)
        case (.negate, .integer(let int)):
            guard int != .min else { throw RuntimeFailure.overflow("-(\(int)) does not fit in a 64-bit integer") }
            return .integer(-int)
        case (.negate, .duration(let span)):
            guard span.milliseconds != .min else { throw RuntimeFailure.overflow("the negated duration is out of range") }
            return .duration(TimeSpan(milliseconds: -span.milliseconds))
        default:
            throw RuntimeFailure.type("The operator \(rawValue) cannot apply to \(ValueType.dynamicType(of: operand).name)")
        }
    }
}
