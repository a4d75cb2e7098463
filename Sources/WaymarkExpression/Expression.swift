/// The entry point of the expression language: parse, check and compile expressions.
public enum Expression {
    /// Checks that `source` is a well-formed expression, without looking at any schema.
    /// - Throws: `ExpressionError` with a syntax code and the position of the offending token.
    public static func validateSyntax(_ source: String) throws(ExpressionError) {
        _ = try Parser.parse(source)
    }

    /// Parses, type-checks and compiles an expression.
    ///
    /// - Parameters:
    ///   - source: the expression text.
    ///   - schema: answers the types of the fields the expression reads.
    ///   - library: the functions it may call.
    ///   - expecting: what the place that holds it needs (`.boolean` for conditions, …).
    /// - Returns: a compiled expression to evaluate any number of times, from any thread.
    /// - Throws: `ExpressionError` with a stable code and the position of the offending part.
    public static func compile(
        _ source: String, schema: any ExpressionSchema, library: FunctionLibrary = .standard,
        expecting: ExpectedType = .any
    ) throws(ExpressionError) -> CompiledExpression {
        let syntax = try Parser.parse(source)
        var checker = TypeChecker(schema: schema, library: library)
        var checked = try checker.check(syntax)
        guard expecting.accepts(checked.type) else {
            throw ExpressionError(.type, mismatch(expecting, checked.type), at: syntax.position)
        }
        if case .type(let expected) = expecting { checked = checked.widened(to: expected) }
        let needsRuntimeCheck = (checked.type == .any || checked.type == .null) && expecting != .any
        return CompiledExpression(
            source: source, resultType: checked.type, references: checker.references,
            constantValue: checked.constant, thunk: checked.thunk,
            runtimeExpectation: needsRuntimeCheck ? expecting : nil, identity: checker.identity)
    }

    private static func mismatch(_ expected: ExpectedType, _ type: ValueType) -> String {
        let gives = "this expression gives \(type.article) \(type.name)"
        switch expected {
        case .boolean: return "A condition must be true or false; \(gives)."
        case .dateTime: return "A wait must give a dateTime or a dateTimeOnly; \(gives)."
        default: return "The expression must give \(expected.phrase); \(gives)."
        }
    }
}
