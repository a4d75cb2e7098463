/// Builds the closures that call resolved library functions.
///
/// Calls of one or two arguments refill the frame's reusable argument list once all arguments
/// are evaluated (a nested call is done by then), so they allocate nothing when the caller reuses
/// `EvaluationBuffers`. Argument closures are taken from the checked nodes one by one (not through a `[Thunk]`),
/// which keeps them at their natural abstraction: no re-abstraction thunk per call.
enum CallThunks {
    static func make(_ overload: FunctionOverload, _ arguments: [CheckedNode], at position: SourcePosition) -> Thunk {
        let implementation = overload.implementation
        switch arguments.count {
        case 0:
            return { frame throws(ExpressionError) in
                do throws(ExpressionError) { return try implementation([], frame.context) } catch { throw error.located(at: position) }
            }
        case 1:
            let first = arguments[0].thunk
            return { frame throws(ExpressionError) in
                let value = try first(&frame)
                frame.setArguments(value)
                do throws(ExpressionError) {
                    return try implementation(frame.arguments, frame.context)
                } catch {
                    throw error.located(at: position)
                }
            }
        case 2:
            let first = arguments[0].thunk, second = arguments[1].thunk
            return { frame throws(ExpressionError) in
                let value = try first(&frame), other = try second(&frame)
                frame.setArguments(value, other)
                do throws(ExpressionError) {
                    return try implementation(frame.arguments, frame.context)
                } catch {
                    throw error.located(at: position)
                }
            }
        default:
            let thunks = arguments.map(\.thunk)
            return { frame throws(ExpressionError) in
                var values: [Value] = []
                values.reserveCapacity(thunks.count)
                for thunk in thunks { values.append(try thunk(&frame)) }
                do throws(ExpressionError) { return try implementation(values, frame.context) } catch { throw error.located(at: position) }
            }
        }
    }
}
