/// One overload of a library function: its type rule and its implementation.
///
/// The type checker calls `resultType` with the static types of the arguments; `nil` means the
/// overload does not apply. `ValueType.any` arguments match any parameter and are checked at
/// run time. The implementation receives evaluated arguments and throws an `ExpressionError`
/// (without position; the evaluator adds it) on a run-time failure.
public struct FunctionOverload: Sendable {
    /// A human-readable signature for error messages, e.g. `startWith(string, string) → boolean`.
    public var signature: String
    /// Indexes of arguments that must be constants (e.g. `inAudience`'s name).
    public var constantArguments: Set<Int>
    /// The result type for the given argument types, or `nil` when this overload does not apply.
    public var resultType: @Sendable ([ValueType]) -> ValueType?
    /// Evaluates the function.
    public var implementation: @Sendable ([Value], any FunctionEnvironment) throws(ExpressionError) -> Value

    public init(
        signature: String,
        constantArguments: Set<Int> = [],
        resultType: @escaping @Sendable ([ValueType]) -> ValueType?,
        implementation: @escaping @Sendable ([Value], any FunctionEnvironment) throws(ExpressionError) -> Value
    ) {
        self.signature = signature
        self.constantArguments = constantArguments
        self.resultType = resultType
        self.implementation = implementation
    }
}
