/// Builds the closures of collection and map methods and of field access on objects.
///
/// A `null` receiver gives `null`; a receiver of the wrong kind at run time (possible only
/// when its static type is `any`) is an `ERR_EXPR_RUNTIME_TYPE` error.
enum CollectionThunks {
    /// Which elements a filter method keeps.
    enum FilterMode: String {
        case all, first, last
    }

    static func filter(_ receiver: @escaping Thunk, condition: Thunk?, mode: FilterMode, at position: SourcePosition) -> Thunk {
        { frame throws(ExpressionError) in
            let value = try receiver(&frame)
            guard case .list(let elements) = value else {
                return try nullOrMismatch(value, "'.\(mode.rawValue)()' applies to a list", at: position)
            }
            guard let condition else {
                switch mode {
                case .all: return value
                case .first: return elements.first ?? .null
                case .last: return elements.last ?? .null
                }
            }
            let ordered: any Sequence<Value> = mode == .last ? AnySequence(elements.reversed()) : AnySequence(elements)
            var kept: [Value] = []
            for element in ordered {
                frame.elements.append(element)
                let verdict = try condition(&frame)
                frame.elements.removeLast()
                guard case .boolean(true) = verdict else { continue }
                if mode != .all { return element }
                kept.append(element)
            }
            return mode == .all ? .list(kept) : .null
        }
    }

    static func at(_ receiver: @escaping Thunk, _ index: @escaping Thunk, at position: SourcePosition) -> Thunk {
        { frame throws(ExpressionError) in
            let value = try receiver(&frame)
            guard case .list(let elements) = value else {
                return try nullOrMismatch(value, "'.at()' applies to a list", at: position)
            }
            guard case .integer(let offset) = try index(&frame), offset >= 0, offset < elements.count else { return .null }
            return elements[Int(offset)]
        }
    }

    static func entry(_ receiver: @escaping Thunk, _ key: @escaping Thunk, at position: SourcePosition) -> Thunk {
        { frame throws(ExpressionError) in
            let value = try receiver(&frame)
            guard case .object(let fields) = value else {
                return try nullOrMismatch(value, "'.entry()' applies to a map", at: position)
            }
            guard case .string(let name) = try key(&frame) else { return .null }
            return fields[name] ?? .null
        }
    }

    static func keys(_ receiver: @escaping Thunk, firstOnly: Bool, at position: SourcePosition) -> Thunk {
        { frame throws(ExpressionError) in
            let value = try receiver(&frame)
            guard case .object(let fields) = value else {
                return try nullOrMismatch(value, "'.\(firstOnly ? "firstEntryKey" : "keys")()' applies to a map", at: position)
            }
            if firstOnly { return fields.keys.first.map { .string($0) } ?? .null }
            return .list(fields.keys.map { .string($0) })
        }
    }

    static func member(_ receiver: @escaping Thunk, _ name: String) -> Thunk {
        { frame throws(ExpressionError) in
            guard case .object(let fields) = try receiver(&frame) else { return .null }
            return fields[name] ?? .null
        }
    }

    private static func nullOrMismatch(_ value: Value, _ rule: String, at position: SourcePosition)
        throws(ExpressionError) -> Value
    {
        if case .null = value { return .null }
        throw ExpressionError(
            .runtimeType, "\(rule); the value is \(value.shallowType.article) \(value.shallowType.name).",
            at: position)
    }
}
