@testable import WaymarkExpression

/// Renders a syntax tree fully parenthesised, so tests can assert precedence and grouping.
func render(_ node: SyntaxNode) -> String {
    switch node.kind {
    case .literal(let value):
        switch value {
        case .string(let text): return "'\(text)'"
        case .integer(let integer): return "\(integer)"
        case .decimal(let decimal): return "\(decimal)"
        case .boolean(let boolean): return "\(boolean)"
        default: return "?"
        }
    case .list(let elements): return "[" + elements.map(render).joined(separator: ", ") + "]"
    case .reference(let reference):
        var text = "\(reference.kind.rawValue){\(([reference.source] + [reference.fieldGroup].compactMap { $0 } + reference.path).joined(separator: "|"))"
        if let fallback = reference.defaultValue { text += " default=" + render(fallback) }
        if !reference.parameters.isEmpty {
            text += " params={" + reference.parameters.map { "\($0.name)=" + render($0.value) }.joined(separator: ", ") + "}"
        }
        return text + "}"
    case .journeyProperty(let name): return "journey{\(name)}"
    case .currentElement(let name): return name.rawValue
    case .unary(let op, let operand): return "(\(op.rawValue) \(render(operand)))"
    case .binary(let op, let lhs, let rhs, _): return "(\(render(lhs)) \(op.rawValue) \(render(rhs)))"
    case .test(let test, let operand, _): return "(\(render(operand)) \(test.rawValue))"
    case .conditional(let condition, let then, let otherwise):
        return "(if \(render(condition)) then \(render(then)) else \(render(otherwise)))"
    case .call(let name, let arguments): return "\(name)(" + arguments.map(render).joined(separator: ", ") + ")"
    case .method(let receiver, let name, let arguments, _):
        return "\(render(receiver)).\(name)(" + arguments.map(render).joined(separator: ", ") + ")"
    case .member(let receiver, let name, _): return "\(render(receiver)).\(name)"
    }
}

/// Parses and renders `source`.
func parsed(_ source: String) throws -> String {
    render(try Parser.parse(source))
}

/// The error that parsing `source` throws, or `nil`.
func parseError(_ source: String) -> ExpressionError? {
    do {
        _ = try Parser.parse(source)
        return nil
    } catch {
        return error
    }
}
