/// Checks a syntax tree against a schema and a function library, compiling it as it goes.
///
/// Each node becomes a `CheckedNode`: its static type and a closure that evaluates it with
/// everything resolved (overloads, paths, element slots). Errors carry the position of the
/// offending sub-expression.
struct TypeChecker {
    let schema: any ExpressionSchema
    let library: FunctionLibrary
    /// The enclosing collection conditions, outermost first: where each current element comes from.
    var scopes: [(origin: FieldReference.Kind?, elementType: ValueType)] = []
    /// Field references read so far, each once, in source order.
    var references: [FieldReference] = []
    /// The identity of this compilation, shared by the expression and its parameters' expressions.
    let identity = CompilationIdentity()
    /// The number of function call sites so far; each call has its own argument list.
    var callSites = 0

    init(schema: any ExpressionSchema, library: FunctionLibrary) {
        self.schema = schema
        self.library = library
    }

    /// Checks and compiles a node.
    mutating func check(_ node: SyntaxNode) throws(ExpressionError) -> CheckedNode {
        switch node.kind {
        case .literal(let value):
            return .constant(value, type: value.shallowType)
        case .list(let elements):
            return try checkList(elements, at: node.position)
        case .reference(let reference):
            return try checkReference(reference, at: node.position)
        case .journeyProperty(let name):
            return try checkJourneyProperty(name, at: node.position)
        case .currentElement(let name):
            return try checkCurrentElement(name, at: node.position)
        case .unary(let op, let operand):
            return try checkUnary(op, try check(operand), at: node.position)
        case .binary(let op, let lhs, let rhs, let position):
            return try checkBinary(op, try check(lhs), try check(rhs), at: position)
        case .test(let test, let operand, let position):
            return try checkTest(test, try check(operand), at: position)
        case .conditional(let condition, let then, let otherwise):
            return try checkConditional(condition, then, otherwise)
        case .call(let name, let arguments):
            return try checkCall(name, arguments, at: node.position)
        case .method(let receiver, let name, let arguments, let position):
            return try checkMethod(name, on: try check(receiver), arguments, at: position)
        case .member(let receiver, let name, let position):
            return try checkMember(name, of: try check(receiver), at: position)
        }
    }

    // MARK: - Literals and operators

    private mutating func checkList(_ syntax: [SyntaxNode], at position: SourcePosition)
        throws(ExpressionError) -> CheckedNode
    {
        var elements: [CheckedNode] = []
        var elementType = ValueType.null
        for node in syntax {
            let element = try check(node)
            guard let unified = ValueType.unify(elementType, element.type) else {
                throw ExpressionError(
                    .type,
                    "A list holds values of one type: this \(element.type.name) does not fit with the "
                        + "\(elementType.name) values before it.",
                    at: node.position)
            }
            elementType = unified
            elements.append(element)
        }
        if elementType == .null { elementType = .any }
        let type = ValueType.list(elementType)
        elements = elements.map { $0.widened(to: elementType) }
        let constants = elements.compactMap(\.constant)
        if constants.count == elements.count { return .constant(.list(constants), type: type) }
        let thunks = elements.map(\.thunk)
        return CheckedNode(type: type, thunk: { frame throws(ExpressionError) in
            var values: [Value] = []
            values.reserveCapacity(thunks.count)
            for thunk in thunks { values.append(try thunk(&frame)) }
            return .list(values)
        })
    }

    private func checkUnary(_ op: UnaryOperator, _ operand: CheckedNode, at position: SourcePosition)
        throws(ExpressionError) -> CheckedNode
    {
        guard let type = op.resultType(operand.type) else {
            let what = op == .not ? "'not' applies to true or false" : "'-' applies to a number or a duration"
            throw ExpressionError(
                .type, "\(what); this is \(operand.type.article) \(operand.type.name).", at: position)
        }
        if let constant = operand.constant, let folded = try? op.apply(constant) {
            return .constant(folded, type: type)
        }
        let inner = operand.thunk
        return CheckedNode(type: type, thunk: { frame throws(ExpressionError) in
            do throws(ExpressionError) { return try op.apply(try inner(&frame)) } catch { throw error.located(at: position) }
        })
    }

    private func checkBinary(_ op: BinaryOperator, _ lhs: CheckedNode, _ rhs: CheckedNode, at position: SourcePosition)
        throws(ExpressionError) -> CheckedNode
    {
        guard let type = op.resultType(lhs.type, rhs.type) else {
            throw ExpressionError(.type, Self.operatorMismatch(op, lhs.type, rhs.type), at: position)
        }
        if let left = lhs.constant, let right = rhs.constant, let folded = try? op.apply(left, right) {
            return .constant(folded, type: type)
        }
        return CheckedNode(type: type, thunk: BinaryThunks.make(op, lhs, rhs, at: position))
    }

    private static func operatorMismatch(_ op: BinaryOperator, _ lhs: ValueType, _ rhs: ValueType) -> String {
        let pair = "\(lhs.article) \(lhs.name) and \(rhs.article) \(rhs.name)"
        switch op {
        case .and, .or:
            return "'\(op.rawValue)' needs true or false on both sides; here it has \(pair)."
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            return "'\(op.rawValue)' cannot compare \(pair): compare numbers with numbers, texts with texts, "
                + "dates with dates of the same kind."
        default:
            return "'\(op.rawValue)' cannot combine \(pair)."
        }
    }

    private func checkTest(_ test: ValueTest, _ operand: CheckedNode, at position: SourcePosition)
        throws(ExpressionError) -> CheckedNode
    {
        guard test.accepts(operand.type) else {
            throw ExpressionError(
                .type,
                "'\(test.rawValue)' does not apply to \(operand.type.article) \(operand.type.name)"
                    + (test == .hasNull ? " ('has null' tests a list)." : "."),
                at: position)
        }
        if let constant = operand.constant { return .constant(.boolean(test.apply(constant)), type: .boolean) }
        let inner = operand.thunk
        return CheckedNode(type: .boolean, thunk: { frame throws(ExpressionError) in
            .boolean(test.apply(try inner(&frame)))
        })
    }

    private mutating func checkConditional(_ condition: SyntaxNode, _ then: SyntaxNode, _ otherwise: SyntaxNode)
        throws(ExpressionError) -> CheckedNode
    {
        let test = try check(condition)
        guard [.boolean, .any, .null].contains(test.type) else {
            throw ExpressionError(
                .type,
                "The condition of 'if' must be true or false; it gives \(test.type.article) \(test.type.name).",
                at: condition.position)
        }
        let first = try check(then), second = try check(otherwise)
        guard let type = ValueType.unify(first.type, second.type) else {
            throw ExpressionError(
                .type,
                "The 'then' part gives \(first.type.article) \(first.type.name) and the 'else' part "
                    + "\(second.type.article) \(second.type.name); both must give the same type.",
                at: otherwise.position)
        }
        let yes = first.widened(to: type), no = second.widened(to: type)
        if let constant = test.constant {
            var chosen = constant == .boolean(true) ? yes : no
            chosen.type = type
            return chosen
        }
        let (testThunk, yesThunk, noThunk) = (test.thunk, yes.thunk, no.thunk)
        return CheckedNode(type: type, thunk: { frame throws(ExpressionError) in
            if case .boolean(true) = try testThunk(&frame) { return try yesThunk(&frame) }
            return try noThunk(&frame)
        })
    }

    // MARK: - Function calls

    private mutating func checkCall(_ written: String, _ syntax: [SyntaxNode], at position: SourcePosition)
        throws(ExpressionError) -> CheckedNode
    {
        var arguments: [CheckedNode] = []
        for node in syntax { arguments.append(try check(node)) }
        let name = written == "inSegment" && library.overloads(named: written).isEmpty ? "inAudience" : written
        let types = arguments.map(\.type)
        switch library.resolve(name, argumentTypes: types) {
        case .unknownFunction(let suggestion):
            throw ExpressionError(
                .unknownFunction,
                "There is no function '\(written)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? ""),
                at: position)
        case .noMatchingOverload(let candidates):
            let given = types.map(\.name).joined(separator: ", ")
            throw ExpressionError(
                .arguments,
                "'\(written)' cannot take (\(given)). It accepts: " + candidates.joined(separator: "; ") + ".",
                at: position)
        case .resolved(let overload, let resultType):
            for index in overload.constantArguments.sorted() where index < arguments.count {
                guard arguments[index].constant != nil else {
                    throw ExpressionError(
                        .notConstant,
                        "Argument \(index + 1) of '\(written)' must be written as a constant, e.g. \"name\".",
                        at: syntax[index].position)
                }
            }
            callSites += 1
            return CheckedNode(
                type: resultType, thunk: CallThunks.make(overload, arguments, site: callSites - 1, at: position))
        }
    }
}
