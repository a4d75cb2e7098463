/// Builds the closures that evaluate binary operators.
///
/// `and` / `or` short-circuit; comparisons and arithmetic of statically integer operands take
/// a fast path and fall back to `BinaryOperator.apply` for anything else (such as `null`).
enum BinaryThunks {
    static func make(_ op: BinaryOperator, _ lhs: CheckedNode, _ rhs: CheckedNode, at position: SourcePosition) -> Thunk {
        let (left, right) = (lhs.thunk, rhs.thunk)
        switch op {
        case .and, .or:
            let decisive = op == .or
            return { frame throws(ExpressionError) in
                let first = try left(&frame)
                if case .boolean(let value) = first, value == decisive { return first }
                let second = try right(&frame)
                if case .boolean = first, case .boolean = second { return second }
                do throws(ExpressionError) { return try op.apply(first, second) } catch { throw error.located(at: position) }
            }
        default:
            if lhs.type == .integer, rhs.type == .integer, let fast = integerComparison(op, left, right, rhs.constant, at: position) {
                return fast
            }
            return { frame throws(ExpressionError) in
                let first = try left(&frame)
                let second = try right(&frame)
                do throws(ExpressionError) { return try op.apply(first, second) } catch { throw error.located(at: position) }
            }
        }
    }

    /// A comparison of two integers without going through `apply` when both values are integers.
    private static func integerComparison(
        _ op: BinaryOperator, _ left: @escaping Thunk, _ right: @escaping Thunk, _ constant: Value?,
        at position: SourcePosition
    ) -> Thunk? {
        guard [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(op) else { return nil }
        let slow: @Sendable (Value, Value) throws(ExpressionError) -> Value = { first, second throws(ExpressionError) in
            do throws(ExpressionError) { return try op.apply(first, second) } catch { throw error.located(at: position) }
        }
        if case .integer(let bound) = constant {
            return { frame throws(ExpressionError) in
                let first = try left(&frame)
                if case .integer(let value) = first { return .boolean(compare(op, value, bound)) }
                return try slow(first, .integer(bound))
            }
        }
        return { frame throws(ExpressionError) in
            let first = try left(&frame)
            let second = try right(&frame)
            if case .integer(let a) = first, case .integer(let b) = second { return .boolean(compare(op, a, b)) }
            return try slow(first, second)
        }
    }

    @inline(__always)
    private static func compare(_ op: BinaryOperator, _ a: Int64, _ b: Int64) -> Bool {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        default: a >= b
        }
    }
}
