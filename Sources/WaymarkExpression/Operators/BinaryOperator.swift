/// An infix operator of the expression language.
///
/// `and` / `or` are typed here; the evaluator short-circuits them itself.
///
/// Semantics (see `apply`):
/// - arithmetic: integer op integer stays integer; an integer overflow is an
///   `ERR_EXPR_OVERFLOW` error (never a wrap or a crash); mixed integer/decimal is decimal;
///   `/` and `%` by zero give 0; integer `/` truncates toward zero.
/// - `+` with a string operand concatenates the other operand rendered as `toString` would.
/// - dates: dateTime / dateTimeOnly `±` duration, duration `+` dateTime / dateTimeOnly,
///   duration `±` duration, and dateTime − dateTime / dateTimeOnly − dateTimeOnly give the
///   duration between them.
/// - null: arithmetic (including string `+`) with a null operand gives null; `==` is true only
///   for null == null, `!=` its negation; ordering comparisons with null are false;
///   `and` / `or` treat null as false.
/// - `any` operands type-check; a run-time mismatch is an `ERR_EXPR_RUNTIME_TYPE` error, except
///   `==` / `!=` between different kinds, which are simply unequal.
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
        switch self {
        case .add, .subtract, .multiply, .divide, .remainder: arithmeticType(lhs, rhs)
        case .equal, .notEqual: Self.areEquatable(lhs, rhs) ? .boolean : nil
        case .less, .lessOrEqual, .greater, .greaterOrEqual: Self.areOrderable(lhs, rhs) ? .boolean : nil
        case .and, .or: [lhs, rhs].allSatisfy { [.boolean, .any, .null].contains($0) } ? .boolean : nil
        }
    }

    /// Applies the operator to evaluated operands.
    /// - Throws: `ExpressionError` (no position) when the run-time values do not fit, or on
    ///   integer / date overflow.
    public func apply(_ lhs: Value, _ rhs: Value) throws(ExpressionError) -> Value {
        switch self {
        case .add, .subtract, .multiply, .divide, .remainder:
            if lhs == .null || rhs == .null { return .null }
            return try applyArithmetic(lhs, rhs)
        case .equal: return .boolean(Value.languageEquals(lhs, rhs))
        case .notEqual: return .boolean(!Value.languageEquals(lhs, rhs))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            if lhs == .null || rhs == .null { return .boolean(false) }
            guard let order = Value.compare(lhs, rhs), !Self.isBooleanPair(lhs, rhs) else {
                if case .decimal(let a) = lhs, a.isNaN { return .boolean(false) }
                if case .decimal(let b) = rhs, b.isNaN { return .boolean(false) }
                throw RuntimeFailure.operands(rawValue, lhs, rhs)
            }
            switch self {
            case .less: return .boolean(order < 0)
            case .lessOrEqual: return .boolean(order <= 0)
            case .greater: return .boolean(order > 0)
            default: return .boolean(order >= 0)
            }
        case .and, .or:
            let a = try Self.truth(lhs, rawValue, rhs), b = try Self.truth(rhs, rawValue, lhs)
            return .boolean(self == .and ? a && b : a || b)
        }
    }

    /// The truth of an `and` / `or` operand: null is false.
    private static func truth(_ value: Value, _ symbol: String, _ other: Value) throws(ExpressionError) -> Bool {
        switch value {
        case .boolean(let bool): return bool
        case .null: return false
        default: throw RuntimeFailure.operands(symbol, value, other)
        }
    }

    private static func isBooleanPair(_ lhs: Value, _ rhs: Value) -> Bool {
        if case .boolean = lhs, case .boolean = rhs { return true }
        return false
    }

    /// Types that `==` can compare: the same type, numbers together, lists together, objects
    /// together, anything with `any` or `null`.
    static func areEquatable(_ lhs: ValueType, _ rhs: ValueType) -> Bool {
        switch (lhs, rhs) {
        case (.any, _), (_, .any), (.null, _), (_, .null): true
        case (.list, .list), (.object, .object): true
        default: lhs == rhs || (lhs.isNumeric && rhs.isNumeric)
        }
    }

    /// Types that `<` can order: numbers with numbers, and strings, dateTimes, dateTimeOnlys,
    /// dateOnlys or durations with their own kind; `any` / `null` with any of those.
    static func areOrderable(_ lhs: ValueType, _ rhs: ValueType) -> Bool {
        let ordered: [ValueType] = [.integer, .decimal, .string, .dateTime, .dateTimeOnly, .dateOnly, .duration]
        switch (lhs, rhs) {
        case (.any, .any), (.any, .null), (.null, .any), (.null, .null): return true
        case (.any, let other), (.null, let other): return ordered.contains(other)
        case (let other, .any), (let other, .null): return ordered.contains(other)
        default: return lhs == rhs ? ordered.contains(lhs) : (lhs.isNumeric && rhs.isNumeric)
        }
    }
}
