/// The mutable state of one evaluation: the context, the elements of enclosing collection
/// conditions (`currentEventField` of each nesting level) and a reusable argument list.
package struct EvaluationFrame {
    /// The context fields are read from.
    package let context: any EvaluationContext
    /// The current element of each enclosing `.all/.first/.last` condition, outermost first.
    package var elements: [Value]
    /// The argument list handed to library functions, refilled for each call.
    package var arguments: [Value]

    package init(context: any EvaluationContext) {
        self.context = context
        elements = []
        arguments = []
    }

    /// Makes `arguments` hold exactly `value`, reusing its storage.
    @inline(__always)
    package mutating func setArguments(_ value: consuming Value) {
        if arguments.count == 1 {
            arguments[0] = consume value
        } else {
            arguments.removeAll(keepingCapacity: true)
            arguments.append(value)
        }
    }

    /// Makes `arguments` hold exactly `first` and `second`, reusing its storage.
    @inline(__always)
    package mutating func setArguments(_ first: consuming Value, _ second: consuming Value) {
        if arguments.count == 2 {
            arguments[0] = consume first
            arguments[1] = consume second
        } else {
            arguments.removeAll(keepingCapacity: true)
            arguments.append(first)
            arguments.append(second)
        }
    }
}

/// A compiled sub-expression: evaluates itself in a frame.
package typealias Thunk = @Sendable (inout EvaluationFrame) throws(ExpressionError) -> Value
