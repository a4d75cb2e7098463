/// Storage that successive evaluations on one thread can share, so that they allocate nothing.
///
/// Pass the same buffers to `CompiledExpression.evaluate(in:reusing:)` in a loop (a partition
/// worker keeps one); each evaluation leaves them empty but with their capacity.
public struct EvaluationBuffers: Sendable {
    package var elements: [Value] = []
    package var arguments: [Value] = []

    /// Creates empty buffers.
    public init() {}
}
