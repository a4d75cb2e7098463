extension TypeChecker {
    /// Checks a collection method (`all`, `first`, `last`, `at`) or a map method (`entry`,
    /// `firstEntryKey`, `keys`) applied to `receiver`.
    mutating func checkMethod(
        _ name: String, on receiver: CheckedNode, _ syntax: [SyntaxNode], at position: SourcePosition
    ) throws(ExpressionError) -> CheckedNode {
        switch name {
        case "all", "first", "last":
            return try checkFilter(name, on: receiver, syntax, at: position)
        case "at":
            let element = try elementType(of: receiver, method: name, at: position)
            let index = try checkArguments(name, syntax, expecting: [.integer], at: position)[0]
            return CheckedNode(
                type: element, thunk: CollectionThunks.at(receiver.thunk, index.thunk, at: position),
                origin: receiver.origin)
        case "entry":
            let fields = try objectSchema(of: receiver, method: name, at: position)
            let key = try checkArguments(name, syntax, expecting: [.string], at: position)[0]
            var type = ValueType.any
            if case .string(let constantKey) = key.constant, let known = fields?.type(of: constantKey) {
                type = known
            } else if let fields, let first = fields.fields.first?.type, fields.fields.allSatisfy({ $0.type == first }) {
                type = first
            }
            return CheckedNode(
                type: type, thunk: CollectionThunks.entry(receiver.thunk, key.thunk, at: position),
                origin: receiver.origin)
        case "firstEntryKey", "keys":
            _ = try objectSchema(of: receiver, method: name, at: position)
            _ = try checkArguments(name, syntax, expecting: [], at: position)
            return CheckedNode(
                type: name == "keys" ? .list(.string) : .string,
                thunk: CollectionThunks.keys(receiver.thunk, firstOnly: name == "firstEntryKey", at: position))
        default:
            throw ExpressionError(
                .unknownMethod,
                "There is no method '.\(name)()'. Lists have .all(), .first(), .last(), .at(); "
                    + "maps have .entry(), .firstEntryKey(), .keys()."
                    + Suggestion.didYouMean(name, among: ["all", "first", "last", "at", "entry", "firstEntryKey", "keys"]),
                at: position)
        }
    }

    /// Checks `.all(cond)`, `.first(cond)`, `.last(cond)` and their forms without condition.
    private mutating func checkFilter(
        _ name: String, on receiver: CheckedNode, _ syntax: [SyntaxNode], at position: SourcePosition
    ) throws(ExpressionError) -> CheckedNode {
        let element = try elementType(of: receiver, method: name, at: position)
        guard syntax.count <= 1 else {
            throw ExpressionError(.arguments, "'.\(name)()' takes at most one condition.", at: position)
        }
        var condition: Thunk?
        if let conditionSyntax = syntax.first {
            scopes.append((receiver.origin, element))
            let checked = try check(conditionSyntax)
            scopes.removeLast()
            guard [.boolean, .any, .null].contains(checked.type) else {
                throw ExpressionError(
                    .type,
                    "The condition of '.\(name)()' must be true or false; it gives "
                        + "\(checked.type.article) \(checked.type.name).",
                    at: conditionSyntax.position)
            }
            condition = checked.thunk
        }
        let type = name == "all" ? (receiver.type == .any ? .any : .list(element)) : element
        return CheckedNode(
            type: type,
            thunk: CollectionThunks.filter(
                receiver.thunk, condition: condition, mode: CollectionThunks.FilterMode(rawValue: name)!, at: position),
            origin: receiver.origin)
    }

    /// Checks `receiver.name` (a field of an object, e.g. after `.first()`).
    func checkMember(_ name: String, of receiver: CheckedNode, at position: SourcePosition)
        throws(ExpressionError) -> CheckedNode
    {
        let type: ValueType
        switch receiver.type {
        case .any, .null, .object(nil):
            type = .any
        case .object(let fields?):
            guard let known = fields.type(of: name) else {
                throw ExpressionError(
                    .unknownField,
                    "This object has no field '\(name)'." + Suggestion.didYouMean(name, among: fields.fields.map(\.name)),
                    at: position)
            }
            type = known
        default:
            let hint = if case .list = receiver.type { " Pick an element first, e.g. .first() or .at(0)." } else { "" }
            throw ExpressionError(
                .type,
                "'\(name)' is read from an object, but this is \(receiver.type.article) \(receiver.type.name).\(hint)",
                at: position)
        }
        return CheckedNode(type: type, thunk: CollectionThunks.member(receiver.thunk, name), origin: receiver.origin)
    }

    /// The element type of a list receiver (`any` for an `any` receiver).
    private func elementType(of receiver: CheckedNode, method: String, at position: SourcePosition)
        throws(ExpressionError) -> ValueType
    {
        switch receiver.type {
        case .list(let element): return element
        case .any, .null: return .any
        default:
            throw ExpressionError(
                .type,
                "'.\(method)()' applies to a list; this is \(receiver.type.article) \(receiver.type.name).",
                at: position)
        }
    }

    /// The fields of a map receiver (`nil` when unknown).
    private func objectSchema(of receiver: CheckedNode, method: String, at position: SourcePosition)
        throws(ExpressionError) -> ObjectSchema?
    {
        switch receiver.type {
        case .object(let fields): return fields
        case .any, .null: return nil
        default:
            throw ExpressionError(
                .type,
                "'.\(method)()' applies to a map (an object); this is \(receiver.type.article) "
                    + "\(receiver.type.name).",
                at: position)
        }
    }

    /// Checks the arguments of a built-in method against the types it takes.
    private mutating func checkArguments(
        _ name: String, _ syntax: [SyntaxNode], expecting types: [ValueType], at position: SourcePosition
    ) throws(ExpressionError) -> [CheckedNode] {
        let signature = ".\(name)(" + types.map(\.name).joined(separator: ", ") + ")"
        guard syntax.count == types.count else {
            throw ExpressionError(.arguments, "'.\(name)()' is written \(signature).", at: position)
        }
        var checked: [CheckedNode] = []
        for (node, type) in zip(syntax, types) {
            let argument = try check(node)
            guard [type, .any, .null].contains(argument.type) else {
                throw ExpressionError(
                    .arguments,
                    "'.\(name)()' is written \(signature); this argument is \(argument.type.article) "
                        + "\(argument.type.name).",
                    at: node.position)
            }
            checked.append(argument)
        }
        return checked
    }
}
