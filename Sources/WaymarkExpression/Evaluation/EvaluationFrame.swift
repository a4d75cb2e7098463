/// The mutable state of one evaluation: the context and the elements of enclosing collection
/// conditions (`currentEventField` of each nesting level).
package struct EvaluationFrame {
    /// The context fields are read from.
    package let context: any EvaluationContext
    /// The current element of each enclosing `.all/.first/.last` condition, outermost first.
    package var elements: [Value] = []

    package init(context: any EvaluationContext) {
        self.context = context
    }
}

/// A compiled sub-expression: evaluates itself in a frame.
package typealias Thunk = @Sendable (inout EvaluationFrame) throws(ExpressionError) -> Value
