/// Builds the closures that call resolved library functions.
///
/// Each call site with one or two arguments owns an argument list in the frame (kept across
/// evaluations by `EvaluationBuffers`): its constant arguments are written once, and only the
/// computed ones are stored, after all of them are evaluated. Argument closures are taken from
/// the checked nodes one by one (not through a `[Thunk]`), which keeps them at their natural
/// abstraction: no re-abstraction thunk per call.
enum CallThunks {
    static func make(_ overload: FunctionOverload, _ arguments: [CheckedNode], site: Int, at position: SourcePosition) -> Thunk {
        let implementation = overload.implementation
        let template = arguments.map { $0.constant ?? .null }
        switch (arguments.count, arguments.first?.constant == nil, arguments.last?.constant == nil) {
        case (0, _, _):
            return { frame throws(ExpressionError) in
                do throws(ExpressionError) { return try implementation([], frame.context) } catch { throw error.located(at: position) }
            }
        case (1, true, _):
            let first = arguments[0].thunk
            return { frame throws(ExpressionError) in
                let value = try first(&frame)
                frame.prepareSite(site, template: template)
                frame.argumentLists[site][0] = consume value
                return try call(implementation, site: site, at: position, &frame)
            }
        case (1, false, _), (2, false, false):
            return { frame throws(ExpressionError) in
                frame.prepareSite(site, template: template)
                return try call(implementation, site: site, at: position, &frame)
            }
        case (2, true, true):
            let first = arguments[0].thunk, second = arguments[1].thunk
            return { frame throws(ExpressionError) in
                let value = try first(&frame), other = try second(&frame)
                frame.prepareSite(site, template: template)
                frame.argumentLists[site][0] = consume value
                frame.argumentLists[site][1] = consume other
                return try call(implementation, site: site, at: position, &frame)
            }
        case (2, true, false), (2, false, true):
            let index = arguments[0].constant == nil ? 0 : 1
            let computed = arguments[index].thunk
            return { frame throws(ExpressionError) in
                let value = try computed(&frame)
                frame.prepareSite(site, template: template)
                frame.argumentLists[site][index] = consume value
                return try call(implementation, site: site, at: position, &frame)
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

    /// Calls the implementation with the argument list of `site`.
    @inline(__always)
    private static func call(
        _ implementation: @Sendable ([Value], any FunctionEnvironment) throws(ExpressionError) -> Value, site: Int,
        at position: SourcePosition, _ frame: inout EvaluationFrame
    ) throws(ExpressionError) -> Value {
        do throws(ExpressionError) {
            return try implementation(frame.argumentLists[site], frame.context)
        } catch {
            throw error.located(at: position)
        }
    }
}
