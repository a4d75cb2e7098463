/// A recursive-descent parser for the expression language.
///
/// Precedence, loosest first: `or`, `and`, `not`, comparisons and tests (`is null`, `has null`,
/// `is numeric`…), `+ -`, `* / %`, unary `-`, postfix `.method(…)` / `.field`. Binary operators
/// associate to the left. Nesting deeper than `ExpressionLimits.maximumDepth` is an error.
package struct Parser {
    private var lexer: Lexer
    private var current: Token
    private let source: [Unicode.Scalar]
    private var depth = 0

    private static let keywords: Set<String> = ["and", "or", "not", "is", "has", "if", "then", "else", "true", "false"]

    /// Parses a whole expression.
    /// - Throws: `ExpressionError` with a syntax code and the position of the offending token.
    package static func parse(_ source: String) throws(ExpressionError) -> SyntaxNode {
        var parser = try Parser(source)
        let node = try parser.parseExpression()
        guard parser.current.kind == .end else {
            throw parser.unexpected("the end of the expression or an operator")
        }
        return node
    }

    private init(_ source: String) throws(ExpressionError) {
        let scalars = Array(source.unicodeScalars)
        guard scalars.count <= ExpressionLimits.maximumLength else {
            throw ExpressionError(
                .tooLong,
                "The expression is \(scalars.count) characters long; the limit is \(ExpressionLimits.maximumLength).",
                at: SourcePosition(offset: 0, line: 1, column: 1))
        }
        self.source = scalars
        lexer = Lexer(source)
        current = Token(kind: .end, position: lexer.position)
        current = try lexer.next()
    }

    /// The source text between two offsets, trimmed.
    package static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view).trimmingSpaces()
    }

    // MARK: - Expressions by precedence

    private mutating func parseExpression() throws(ExpressionError) -> SyntaxNode {
        try nested { (parser: inout Parser) throws(ExpressionError) in try parser.parseOr() }
    }

    private mutating func parseOr() throws(ExpressionError) -> SyntaxNode {
        try parseLogical("or", .or) { (parser: inout Parser) throws(ExpressionError) in try parser.parseAnd() }
    }

    private mutating func parseAnd() throws(ExpressionError) -> SyntaxNode {
        try parseLogical("and", .and) { (parser: inout Parser) throws(ExpressionError) in try parser.parseNot() }
    }

    /// Parses `operand (keyword operand)*`, associating to the left.
    private mutating func parseLogical(
        _ keyword: String, _ op: BinaryOperator, operand: (inout Parser) throws(ExpressionError) -> SyntaxNode
    ) throws(ExpressionError) -> SyntaxNode {
        var node = try operand(&self)
        while isKeyword(keyword) {
            let position = current.position
            try advance()
            node = try binary(op, node, try operand(&self), at: position)
        }
        return node
    }

    private mutating func parseNot() throws(ExpressionError) -> SyntaxNode {
        guard isKeyword("not") else { return try parseComparison() }
        let position = current.position
        try advance()
        let operand = try nested { (parser: inout Parser) throws(ExpressionError) in try parser.parseNot() }
        return try node(.unary(.not, operand), at: position, children: [operand])
    }

    private mutating func parseComparison() throws(ExpressionError) -> SyntaxNode {
        var node = try parseAdditive()
        while true {
            let position = current.position
            if let op = comparisonOperator(current.kind) {
                try advance()
                node = try binary(op, node, try parseAdditive(), at: position)
            } else if let test = try parseTest() {
                node = try self.node(.test(test, node, testPosition: position), at: node.position, children: [node])
            } else {
                return node
            }
        }
    }

    /// Parses `is null`, `is not null`, `has null`, `is numeric`, `is integer`, `is decimal`.
    private mutating func parseTest() throws(ExpressionError) -> ValueTest? {
        if isKeyword("has") {
            try advance()
            try expectIdentifier("null", after: "'has'")
            return .hasNull
        }
        guard isKeyword("is") else { return nil }
        try advance()
        if isKeyword("not") {
            try advance()
            try expectIdentifier("null", after: "'is not'")
            return .isNotNull
        }
        guard case .identifier(let word) = current.kind,
            let test = ["null": ValueTest.isNull, "numeric": .isNumeric, "integer": .isInteger, "decimal": .isDecimal][word]
        else {
            throw unexpected("'null', 'not null', 'numeric', 'integer' or 'decimal' after 'is'")
        }
        try advance()
        return test
    }

    private mutating func parseAdditive() throws(ExpressionError) -> SyntaxNode {
        var node = try parseMultiplicative()
        while let op = [Token.Kind.plus: BinaryOperator.add, .minus: .subtract][current.kind] {
            let position = current.position
            try advance()
            node = try binary(op, node, try parseMultiplicative(), at: position)
        }
        return node
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> SyntaxNode {
        var node = try parseUnary()
        while let op = [Token.Kind.star: BinaryOperator.multiply, .slash: .divide, .percent: .remainder][current.kind] {
            let position = current.position
            try advance()
            node = try binary(op, node, try parseUnary(), at: position)
        }
        return node
    }

    private mutating func parseUnary() throws(ExpressionError) -> SyntaxNode {
        guard current.kind == .minus else { return try parsePostfix() }
        let position = current.position
        try advance()
        if case .integer(let magnitude) = current.kind, magnitude == UInt64(Int64.max) + 1 {
            try advance()
            return try parsePostfix(after: SyntaxNode(.literal(.integer(.min)), at: position))
        }
        let operand = try nested { (parser: inout Parser) throws(ExpressionError) in try parser.parseUnary() }
        return try node(.unary(.negate, operand), at: position, children: [operand])
    }

    private mutating func parsePostfix() throws(ExpressionError) -> SyntaxNode {
        try parsePostfix(after: try parsePrimary())
    }

    /// Parses `.name(args)` method calls and `.name` field accesses after `node`.
    private mutating func parsePostfix(after start: SyntaxNode) throws(ExpressionError) -> SyntaxNode {
        var node = start
        while current.kind == .dot {
            try advance()
            let namePosition = current.position
            let name: String
            switch current.kind {
            case .identifier(let word): name = word
            case .string(let text): name = text
            default: throw unexpected("a field or method name after '.'")
            }
            let isQuoted = if case .string = current.kind { true } else { false }
            try advance()
            if current.kind == .leftParenthesis, !isQuoted {
                node = try parseMethodCall(on: node, name: name, at: namePosition)
            } else {
                node = try self.node(.member(node, name, namePosition: namePosition), at: node.position, children: [node])
            }
        }
        return node
    }

    private mutating func parseMethodCall(on receiver: SyntaxNode, name: String, at position: SourcePosition)
        throws(ExpressionError) -> SyntaxNode
    {
        let arguments = try parseArguments()
        return try node(
            .method(receiver, name, arguments, namePosition: position), at: receiver.position,
            children: [receiver] + arguments)
    }

    // MARK: - Primaries

    private mutating func parsePrimary() throws(ExpressionError) -> SyntaxNode {
        let token = current
        switch token.kind {
        case .string(let text):
            try advance()
            return SyntaxNode(.literal(.string(text)), at: token.position)
        case .integer(let magnitude):
            guard magnitude <= UInt64(Int64.max) else {
                throw ExpressionError(
                    .numberOutOfRange,
                    "The integer \(magnitude) is too large (integers go up to 9223372036854775807).",
                    at: token.position)
            }
            try advance()
            return SyntaxNode(.literal(.integer(Int64(magnitude))), at: token.position)
        case .decimal(let number):
            try advance()
            return SyntaxNode(.literal(.decimal(number)), at: token.position)
        case .leftParenthesis:
            try advance()
            let inner = try parseExpression()
            try expect(.rightParenthesis, "')' to close the '(' at column \(token.position.column)")
            return inner
        case .leftBracket:
            return try parseList()
        case .referenceOpen(let opener):
            return try parseReference(opener, at: token.position)
        case .identifier(let name):
            return try parseName(name, at: token.position)
        default:
            throw unexpected("a value, a field reference or a function call")
        }
    }

    private mutating func parseName(_ name: String, at position: SourcePosition) throws(ExpressionError) -> SyntaxNode {
        switch name {
        case "true", "false":
            try advance()
            return SyntaxNode(.literal(.boolean(name == "true")), at: position)
        case "if":
            return try parseConditional(at: position)
        default:
            break
        }
        if Self.keywords.contains(name) { throw unexpected("a value, a field reference or a function call") }
        if let element = CurrentElementName(rawValue: name) {
            try advance()
            return SyntaxNode(.currentElement(element), at: position)
        }
        if Self.keywords.contains(name.lowercased()) {
            throw ExpressionError(.syntax, "Keywords are lowercase: write '\(name.lowercased())', not '\(name)'.", at: position)
        }
        try advance()
        guard current.kind == .leftParenthesis else {
            throw ExpressionError(
                .syntax,
                "'\(name)' is not a value. Fields are written @{Event.field}, texts in quotes, "
                    + "functions with parentheses.",
                at: position)
        }
        let arguments = try parseArguments()
        return try node(.call(name, arguments), at: position, children: arguments)
    }

    private mutating func parseConditional(at position: SourcePosition) throws(ExpressionError) -> SyntaxNode {
        try advance()
        let condition = try parseParenthesised(after: "'if'")
        try expectIdentifier("then", after: "the condition of 'if'")
        let then = try parseParenthesised(after: "'then'")
        try expectIdentifier("else", after: "the 'then' part of 'if' (an 'if' always has an 'else')")
        let otherwise = try parseParenthesised(after: "'else'")
        return try node(
            .conditional(condition, then: then, else: otherwise), at: position, children: [condition, then, otherwise])
    }

    private mutating func parseParenthesised(after context: String) throws(ExpressionError) -> SyntaxNode {
        guard current.kind == .leftParenthesis else { throw unexpected("'(' after \(context)") }
        let open = current.position
        try advance()
        let inner = try parseExpression()
        try expect(.rightParenthesis, "')' to close the '(' at column \(open.column)")
        return inner
    }

    private mutating func parseList() throws(ExpressionError) -> SyntaxNode {
        let position = current.position
        try advance()
        var elements: [SyntaxNode] = []
        if current.kind != .rightBracket {
            repeat {
                if !elements.isEmpty { try advance() }
                elements.append(try parseExpression())
            } while current.kind == .comma
        }
        try expect(.rightBracket, "',' or ']' in the list")
        return try node(.list(elements), at: position, children: elements)
    }

    private mutating func parseArguments() throws(ExpressionError) -> [SyntaxNode] {
        try advance()  // (
        var arguments: [SyntaxNode] = []
        if current.kind != .rightParenthesis {
            repeat {
                if !arguments.isEmpty { try advance() }
                arguments.append(try parseExpression())
            } while current.kind == .comma
        }
        try expect(.rightParenthesis, "',' or ')' in the arguments")
        return arguments
    }

    // MARK: - Field references

    private mutating func parseReference(_ opener: ReferenceOpener, at position: SourcePosition)
        throws(ExpressionError) -> SyntaxNode
    {
        var segments: [(name: String, position: SourcePosition)] = []
        var methodName: (name: String, position: SourcePosition)?
        var next = try lexer.nextPathSegment()
        while true {
            guard case .identifier(let name) = next.kind else {
                guard case .string(let name) = next.kind else { throw unexpected("a field name", token: next) }
                segments.append((name, next.position))
                current = try lexer.next()
                if current.kind == .dot { next = try lexer.nextPathSegment(); continue }
                break
            }
            current = try lexer.next()
            if current.kind == .leftParenthesis {
                methodName = (name, next.position)
                break
            }
            segments.append((name, next.position))
            guard current.kind == .dot else { break }
            next = try lexer.nextPathSegment()
        }
        let minimum = [ReferenceOpener.dataSource: 3, .journey: 1][opener] ?? 2
        guard segments.count >= minimum, opener != .journey || segments.count == 1 else {
            throw ExpressionError(.syntax, Self.referenceShape(opener), at: segments.first?.position ?? position)
        }
        if opener == .journey {
            try expect(.rightBrace, "'}' after the journey property name")
            return SyntaxNode(.journeyProperty(segments[0].name), at: position)
        }
        var reference = ReferenceSyntax(
            kind: opener == .dataSource ? .dataSource : opener == .action ? .action : .event,
            source: segments[0].name,
            fieldGroup: opener == .dataSource ? segments[1].name : nil,
            path: segments.dropFirst(opener == .dataSource ? 2 : 1).map(\.name),
            segmentPositions: segments.map(\.position),
            defaultValue: nil, parameters: [])
        var node = SyntaxNode(.reference(reference), at: position)
        if let methodName {
            node = try parsePostfix(after: try parseMethodCall(on: node, name: methodName.name, at: methodName.position))
        }
        try parseReferenceOptions(into: &reference)
        let children = [reference.defaultValue].compactMap { $0 } + reference.parameters.map(\.value)
        node = try replacingReference(in: node, with: reference, children: children)
        try expect(.rightBrace, "'}' to close the field reference, or ', defaultValue:' / ', params:'")
        return node
    }

    private mutating func parseReferenceOptions(into reference: inout ReferenceSyntax) throws(ExpressionError) {
        while current.kind == .comma {
            try advance()
            let position = current.position
            guard case .identifier(let option) = current.kind, option == "defaultValue" || option == "params" else {
                throw unexpected("'defaultValue:' or 'params:'")
            }
            try advance()
            try expect(.colon, "':' after '\(option)'")
            if option == "defaultValue" {
                guard reference.defaultValue == nil else {
                    throw ExpressionError(.syntax, "A field reference has only one 'defaultValue'.", at: position)
                }
                reference.defaultValue = try parseExpression()
            } else {
                guard reference.parameters.isEmpty else {
                    throw ExpressionError(.syntax, "A field reference has only one 'params'.", at: position)
                }
                reference.parameters = try parseParameters()
            }
        }
    }

    private mutating func parseParameters() throws(ExpressionError) -> [ParameterSyntax] {
        try expect(.leftBrace, "'{' to open the parameters")
        var parameters: [ParameterSyntax] = []
        repeat {
            if !parameters.isEmpty { try advance() }
            let position = current.position
            let name: String
            switch current.kind {
            case .identifier(let word): name = word
            case .string(let text): name = text
            default: throw unexpected("a parameter name")
            }
            guard !parameters.contains(where: { $0.name == name }) else {
                throw ExpressionError(.syntax, "The parameter '\(name)' is given twice.", at: position)
            }
            try advance()
            try expect(.colon, "':' after the parameter name")
            let value = try parseExpression()
            let text = Self.text(source[value.position.offset..<current.position.offset])
            parameters.append(ParameterSyntax(name: name, position: position, value: value, source: text))
        } while current.kind == .comma
        try expect(.rightBrace, "',' or '}' in the parameters")
        return parameters
    }

    /// Puts the finished reference (with its options) back at the root of a method chain.
    private func replacingReference(in node: SyntaxNode, with reference: ReferenceSyntax, children: [SyntaxNode])
        throws(ExpressionError) -> SyntaxNode
    {
        var copy = node
        switch node.kind {
        case .reference:
            copy.kind = .reference(reference)
            copy.height = 1 + (children.map(\.height).max() ?? 0)
        case .method(let receiver, let name, let arguments, let position):
            let inner = try replacingReference(in: receiver, with: reference, children: children)
            copy.kind = .method(inner, name, arguments, namePosition: position)
            copy.height = 1 + ([inner] + arguments).map(\.height).max()!
        case .member(let receiver, let name, let position):
            let inner = try replacingReference(in: receiver, with: reference, children: children)
            copy.kind = .member(inner, name, namePosition: position)
            copy.height = inner.height + 1
        default:
            break
        }
        guard copy.height <= ExpressionLimits.maximumDepth else { throw tooDeep(at: copy.position) }
        return copy
    }

    private static func referenceShape(_ opener: ReferenceOpener) -> String {
        switch opener {
        case .event, .explicitEvent: "An event field is written \(opener.rawValue)EventName.path.to.field}."
        case .dataSource: "A data source field is written #{DataSource.FieldGroup.path.to.field}."
        case .action: "An action field is written @action{ActionName.path} or @action{ActionName.jo_status_code}."
        case .journey: "A journey property is written @journey{propertyName}, e.g. @journey{journeyVersionName}."
        }
    }

    // MARK: - Helpers

    private mutating func advance() throws(ExpressionError) {
        current = try lexer.next()
    }

    private func isKeyword(_ word: String) -> Bool {
        current.kind == .identifier(word)
    }

    private mutating func expect(_ kind: Token.Kind, _ what: String) throws(ExpressionError) {
        guard current.kind == kind else { throw unexpected(what) }
        try advance()
    }

    private mutating func expectIdentifier(_ word: String, after context: String) throws(ExpressionError) {
        guard isKeyword(word) else { throw unexpected("'\(word)' after \(context)") }
        try advance()
    }

    private func unexpected(_ expected: String, token: Token? = nil) -> ExpressionError {
        let token = token ?? current
        var hint = ""
        if case .identifier(let word) = token.kind, word != word.lowercased(), Self.keywords.contains(word.lowercased()) {
            hint = " Keywords are lowercase: write '\(word.lowercased())'."
        }
        return ExpressionError(
            .syntax, "Expected \(expected), found \(token.kind.displayText).\(hint)", at: token.position)
    }

    private func comparisonOperator(_ kind: Token.Kind) -> BinaryOperator? {
        switch kind {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }

    private func binary(_ op: BinaryOperator, _ lhs: SyntaxNode, _ rhs: SyntaxNode, at position: SourcePosition)
        throws(ExpressionError) -> SyntaxNode
    {
        try node(.binary(op, lhs, rhs, operatorPosition: position), at: lhs.position, children: [lhs, rhs])
    }

    /// A node over `children`, refused when the tree gets deeper than the limit.
    private func node(_ kind: SyntaxNode.Kind, at position: SourcePosition, children: [SyntaxNode])
        throws(ExpressionError) -> SyntaxNode
    {
        let height = 1 + (children.map(\.height).max() ?? 0)
        guard height <= ExpressionLimits.maximumDepth else { throw tooDeep(at: position) }
        return SyntaxNode(kind, at: position, height: height)
    }

    /// Runs a recursive parse step, refusing to recurse past the depth limit.
    private mutating func nested(_ body: (inout Parser) throws(ExpressionError) -> SyntaxNode)
        throws(ExpressionError) -> SyntaxNode
    {
        depth += 1
        defer { depth -= 1 }
        guard depth <= ExpressionLimits.maximumDepth else { throw tooDeep(at: current.position) }
        return try body(&self)
    }

    private func tooDeep(at position: SourcePosition) -> ExpressionError {
        ExpressionError(
            .tooDeep,
            "The expression nests too deeply (more than \(ExpressionLimits.maximumDepth) levels); split it up.",
            at: position)
    }
}
