/// A type-checked expression, compiled once into a tree of pre-resolved closures.
///
/// Function overloads are resolved, constant sub-expressions folded and paths pre-split at
/// compile time; evaluation does no parsing and no name lookup of its own.
public struct CompiledExpression: Sendable {
    /// The source text it was compiled from.
    public let source: String
    /// The static type of its result (`.any` when only known at run time).
    public let resultType: ValueType
    /// Every field reference it reads, each once, in source order (parameters' references too).
    public let references: [FieldReference]
    /// The constant result, when the expression reads nothing and calls no function.
    public let constantValue: Value?
    private let thunk: Thunk
    /// Which compilation the call-site numbers of the thunks belong to.
    private let identity: CompilationIdentity
    /// The expectation to verify at run time, when the static type could not.
    private let runtimeExpectation: ExpectedType?

    package init(
        source: String, resultType: ValueType, references: [FieldReference], constantValue: Value?,
        thunk: @escaping Thunk, runtimeExpectation: ExpectedType?, identity: CompilationIdentity
    ) {
        self.identity = identity
        self.source = source
        self.resultType = resultType
        self.references = references
        self.constantValue = constantValue
        self.thunk = thunk
        self.runtimeExpectation = runtimeExpectation
    }

    /// Evaluates the expression.
    /// - Throws: `ExpressionError` with the position of the sub-expression that failed.
    public func evaluate(in context: some EvaluationContext) throws(ExpressionError) -> Value {
        var buffers = EvaluationBuffers()
        return try evaluate(in: context, reusing: &buffers)
    }

    /// Evaluates the expression, reusing `buffers` from a previous evaluation instead of allocating.
    /// - Throws: `ExpressionError` with the position of the sub-expression that failed.
    public func evaluate(in context: some EvaluationContext, reusing buffers: inout EvaluationBuffers)
        throws(ExpressionError) -> Value
    {
        if buffers.owner !== identity {
            buffers.argumentLists.removeAll()
            buffers.owner = identity
        }
        var frame = EvaluationFrame(context: context)
        swap(&frame.argumentLists, &buffers.argumentLists)
        swap(&frame.elements, &buffers.elements)
        defer {
            if !frame.elements.isEmpty { frame.elements.removeAll(keepingCapacity: true) }
            swap(&frame.argumentLists, &buffers.argumentLists)
            swap(&frame.elements, &buffers.elements)
        }
        let value = try thunk(&frame)
        if let runtimeExpectation, !runtimeExpectation.accepts(value) {
            throw ExpressionError(
                .runtimeType,
                "The expression must give \(runtimeExpectation.phrase), it gave \(value.shallowType.article) "
                    + "\(value.shallowType.name).",
                at: SourcePosition(offset: 0, line: 1, column: 1))
        }
        return value
    }
}
