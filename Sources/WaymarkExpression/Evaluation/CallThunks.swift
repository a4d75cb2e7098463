/// Builds the closures that call resolved library functions.
enum CallThunks {
    static func make(_ overload: FunctionOverload, _ arguments: [Thunk], at position: SourcePosition) -> Thunk {
        let implementation = overload.implementation
        switch arguments.count {
        case 0:
            return { frame throws(ExpressionError) in
                do throws(ExpressionError) { return try implementation([], frame.context) } catch { throw error.located(at: position) }
            }
        case 1:
            let first = arguments[0]
            return { frame throws(ExpressionError) in
                let values = [try first(&frame)]
                do throws(ExpressionError) { return try implementation(values, frame.context) } catch { throw error.located(at: position) }
            }
        case 2:
            let (first, second) = (arguments[0], arguments[1])
            return { frame throws(ExpressionError) in
                let values = [try first(&frame), try second(&frame)]
                do throws(ExpressionError) { return try implementation(values, frame.context) } catch { throw error.located(at: position) }
            }
        default:
            return { frame throws(ExpressionError) in
                var values: [Value] = []
                values.reserveCapacity(arguments.count)
                for argument in arguments { values.append(try argument(&frame)) }
                do throws(ExpressionError) { return try implementation(values, frame.context) } catch { throw error.located(at: position) }
            }
        }
    }
}
