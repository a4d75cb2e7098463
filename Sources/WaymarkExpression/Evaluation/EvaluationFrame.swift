/// The mutable state of one evaluation: the context, the elements of enclosing collection
/// conditions (`currentEventField` of each nesting level) and one argument list per call site.
package struct EvaluationFrame {
    /// The context fields are read from.
    package let context: any EvaluationContext
    /// The current element of each enclosing `.all/.first/.last` condition, outermost first.
    package var elements: [Value]
    /// The argument list of each call site (by site number), with its constant arguments in place.
    package var argumentLists: [[Value]]

    package init(context: any EvaluationContext) {
        self.context = context
        elements = []
        argumentLists = []
    }

    /// Makes sure call site `site` has its argument list, its constants filled from `template`.
    @inline(__always)
    package mutating func prepareSite(_ site: Int, template: [Value]) {
        if site >= argumentLists.count {
            argumentLists.append(contentsOf: repeatElement([], count: site + 1 - argumentLists.count))
        }
        if argumentLists[site].count != template.count { argumentLists[site] = template }
    }
}

/// A compiled sub-expression: evaluates itself in a frame.
package typealias Thunk = @Sendable (inout EvaluationFrame) throws(ExpressionError) -> Value
