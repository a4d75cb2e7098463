/// The run-time errors of operators and library functions, with their stable codes.
///
/// They carry no position: the evaluator adds it.
enum RuntimeFailure {
    /// A value of the wrong type reached an operator or function (possible with `any` types).
    static func type(_ message: String) -> ExpressionError {
        ExpressionError(.init(rawValue: "ERR_EXPR_RUNTIME_TYPE"), message)
    }

    /// An integer or date computation went out of range.
    static func overflow(_ message: String) -> ExpressionError {
        ExpressionError(.init(rawValue: "ERR_EXPR_OVERFLOW"), message)
    }

    /// An argument value that the function cannot use (unknown zone id, bad date part, …).
    static func invalidArgument(_ message: String) -> ExpressionError {
        ExpressionError(.init(rawValue: "ERR_EXPR_INVALID_ARGUMENT"), message)
    }

    /// A value that cannot be converted (`toInteger("abc")`).
    static func conversion(_ message: String) -> ExpressionError {
        ExpressionError(.init(rawValue: "ERR_EXPR_CONVERSION"), message)
    }

    /// A regular expression that does not compile.
    static func regex(_ message: String) -> ExpressionError {
        ExpressionError(.init(rawValue: "ERR_EXPR_REGEX"), message)
    }

    /// An operator applied to values it does not accept.
    static func operands(_ symbol: String, _ lhs: Value, _ rhs: Value) -> ExpressionError {
        type("The operator \(symbol) cannot combine \(ValueType.dynamicType(of: lhs).name) and \(ValueType.dynamicType(of: rhs).name)")
    }
}
