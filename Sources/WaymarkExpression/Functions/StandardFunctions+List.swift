/// List functions.
///
/// A null list counts as empty (`listSize(null)` → 0, `intersect(null, l)` → []), except where
/// a list result would then be invented from nothing (`distinct(null)` → null).
/// `getListItem` out of range is null. Sorting puts nulls last and is stable.
extension StandardFunctions {
    static var listFunctions: [Entry] {
        [
            sameList("distinct", [.list(.any)]) { args throws(ExpressionError) in
                .list(distinctValues(try args.list(0), keepNull: false))
            },
            sameList("distinctWithNull", [.list(.any)]) { args throws(ExpressionError) in
                .list(distinctValues(try args.list(0), keepNull: true))
            },
            sameList("distinct", [.list(.object(nil)), .string]) { args throws(ExpressionError) in
                let key = try args.string(1)
                var seen = Set<Value>()
                return .list(try args.list(0).filter { object in seen.insert(field(object, key).equalityKey).inserted })
            },
            sameList("filter", [.list(.object(nil)), .string, .list(.any)]) { args throws(ExpressionError) in
                let key = try args.string(1)
                let wanted = Set(try args.listOrEmpty(2).map(\.equalityKey))
                return .list(try args.list(0).filter { wanted.contains(field($0, key).equalityKey) })
            },
            generic("getListItem", signature: "getListItem(list, integer) → element", rule: { types in
                guard types.count == 2, let element = elementType(types[0]), fits(types[1], .integer) else { return nil }
                return element == .null ? .any : element
            }) { args, _ throws(ExpressionError) in
                let list = try args.list(0), index = try args.integer(1)
                return index >= 0 && index < list.count ? list[Int(index)] : .null
            },
            generic("in", signature: "in(value, list) → boolean", nulls: .handled, rule: { types in
                guard types.count == 2, let element = elementType(types[1]),
                      BinaryOperator.areEquatable(types[0], element) else { return nil }
                return .boolean
            }) { args, _ throws(ExpressionError) in
                let value = args.argument(0)
                return .boolean(try args.listOrEmpty(1).contains { Value.languageEquals($0, value) })
            },
            sameList("intersect", [.list(.any), .list(.any)], nulls: .handled) { args throws(ExpressionError) in
                let other = Set(try args.listOrEmpty(1).map(\.equalityKey))
                return .list(try args.listOrEmpty(0).filter { other.contains($0.equalityKey) })
            },
            sameList("limit", [.list(.any), .integer]) { args throws(ExpressionError) in
                .list(limited(try args.list(0), try args.integer(1), fromStart: true))
            },
            sameList("limit", [.list(.any), .integer, .boolean]) { args throws(ExpressionError) in
                .list(limited(try args.list(0), try args.integer(1), fromStart: try args.boolean(2)))
            },
            overload("listSize", [.list(.any)], returns: .integer, nulls: .handled) { args, _ throws(ExpressionError) in
                .integer(Int64(try args.listOrEmpty(0).count))
            },
            overload("serializeList", [.list(.any), .string, .boolean], returns: .string) { args, _ throws(ExpressionError) in
                let separator = try args.string(1), quote = try args.boolean(2) ? "\"" : ""
                return .string(try args.list(0).lazy.filter { $0 != .null }.map { quote + $0.rendered + quote }.joined(separator: separator))
            },
            sameList("sort", [.list(.any), .boolean]) { args throws(ExpressionError) in
                .list(try sorted(try args.list(0), ascending: try args.boolean(1)) { $0 })
            },
            sameList("sort", [.list(.object(nil)), .string, .boolean]) { args throws(ExpressionError) in
                let key = try args.string(1)
                return .list(try sorted(try args.list(0), ascending: try args.boolean(2)) { field($0, key) })
            },
        ]
    }

    /// An overload returning a list of the same type as its first argument.
    private static func sameList(
        _ name: String, _ parameters: [ValueType], nulls: NullHandling = .propagate,
        _ body: @escaping @Sendable ([Value]) throws(ExpressionError) -> Value
    ) -> Entry {
        let parameters = parameters.map { FunctionParameter($0) }
        let signature = "\(name)(\(parameters.map(\.displayName).joined(separator: ", "))) → same list"
        return generic(name, signature: signature, nulls: nulls, rule: { types in
            guard types.count == parameters.count, zip(types, parameters).allSatisfy({ $1.accepts($0) }) else { return nil }
            return listType(types[0])
        }) { args, _ throws(ExpressionError) in try body(args) }
    }

    /// The value of `key` in an object element (null when absent or not an object).
    private static func field(_ element: Value, _ key: String) -> Value {
        if case .object(let object) = element { return object[key] ?? .null }
        return .null
    }

    private static func limited(_ list: [Value], _ count: Int64, fromStart: Bool) -> [Value] {
        let kept = Int(clamping: max(0, min(count, Int64(list.count))))
        return fromStart ? Array(list.prefix(kept)) : Array(list.suffix(kept))
    }

    /// A stable sort by `key`, nulls last; values that cannot be ordered are a type error.
    private static func sorted(
        _ list: [Value], ascending: Bool, by key: (Value) -> Value
    ) throws(ExpressionError) -> [Value] {
        var keyed = list.enumerated().map { (offset: $0.offset, key: key($0.element), element: $0.element) }
        var failure: ExpressionError?
        keyed.sort { a, b in
            switch (a.key, b.key) {
            case (.null, .null): return a.offset < b.offset
            case (.null, _): return false
            case (_, .null): return true
            default:
                guard let order = Value.compare(a.key, b.key) else {
                    failure = RuntimeFailure.type("cannot order \(ValueType.dynamicType(of: a.key).name) and \(ValueType.dynamicType(of: b.key).name)")
                    return a.offset < b.offset
                }
                return order == 0 ? a.offset < b.offset : (ascending ? order < 0 : order > 0)
            }
        }
        if let failure { throw failure }
        return keyed.map(\.element)
    }
}
