/// The outcome of compiling and evaluating one expression against a context: what the CLI prints.
public struct ExpressionEvaluation: Sendable {
    /// The compiled expression.
    public let compiled: CompiledExpression
    /// The value it gave.
    public let value: Value
    /// The type name to show: the static type, or the run-time type when the static one is `any`.
    public let typeName: String

    /// `{"type": …, "value": …}`, the document `waymark expression evaluate` prints.
    public var jsonValue: JSONValue {
        .object(OrderedFields([("type", .string(typeName)), ("value", value.jsonValue)]))
    }

    /// Compiles `source` against the context's schema and evaluates it in the same context.
    /// - Throws: `ExpressionError` from compiling or evaluating.
    public static func run(
        source: String, context: JSONExpressionContext, library: FunctionLibrary = .standard,
        expecting: ExpectedType = .any
    ) throws(ExpressionError) -> ExpressionEvaluation {
        let compiled = try Expression.compile(source, schema: context, library: library, expecting: expecting)
        let value = try compiled.evaluate(in: context)
        let staticType = compiled.resultType
        let shown = staticType == .any || staticType == .null ? ValueType.dynamicType(of: value) : staticType
        return ExpressionEvaluation(compiled: compiled, value: value, typeName: shown.name)
    }
}
