/// Builds the closures that read field references from the evaluation context.
enum ReferenceThunks {
    static func make(
        _ reference: FieldReference, parameters: [(name: String, thunk: Thunk)], at position: SourcePosition
    ) -> Thunk {
        switch reference.kind {
        case .event:
            return { frame throws(ExpressionError) in
                do throws(ExpressionError) { return try frame.context.eventField(reference) } catch { throw error.located(at: position) }
            }
        case .action:
            return { frame throws(ExpressionError) in
                do throws(ExpressionError) { return try frame.context.actionField(reference) } catch { throw error.located(at: position) }
            }
        case .journey:
            let property = JourneyProperty(rawValue: reference.source) ?? .journeyUID
            return { frame throws(ExpressionError) in
                do throws(ExpressionError) { return try frame.context.journeyProperty(property) } catch { throw error.located(at: position) }
            }
        case .dataSource:
            return { frame throws(ExpressionError) in
                var values: [String: Value] = [:]
                for parameter in parameters { values[parameter.name] = try parameter.thunk(&frame) }
                do throws(ExpressionError) {
                    return try frame.context.dataSourceField(reference, parameters: values)
                } catch {
                    throw error.located(at: position)
                }
            }
        }
    }
}
