/// Storage that successive evaluations on one thread can share, so that they allocate nothing.
///
/// Pass the same buffers to `CompiledExpression.evaluate(in:reusing:)` in a loop (a partition
/// worker keeps one). They remember which compiled expression filled them: handed to another
/// one, they start afresh.
public struct EvaluationBuffers: Sendable {
    package var elements: [Value] = []
    package var argumentLists: [[Value]] = []
    package var owner: CompilationIdentity?

    /// Creates empty buffers.
    public init() {}
}
