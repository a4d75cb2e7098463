extension Token.Kind {
    /// How the token reads in an error message.
    var displayText: String {
        switch self {
        case .string(let text): "the text \"\(text)\""
        case .integer(let magnitude): "the number \(magnitude)"
        case .decimal(let number): "the number \(number)"
        case .identifier(let name): "'\(name)'"
        case .referenceOpen(let opener): "'\(opener.rawValue)'"
        case .leftParenthesis: "'('"
        case .rightParenthesis: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .comma: "','"
        case .dot: "'.'"
        case .colon: "':'"
        case .plus: "'+'"
        case .minus: "'-'"
        case .star: "'*'"
        case .slash: "'/'"
        case .percent: "'%'"
        case .equal: "'=='"
        case .notEqual: "'!='"
        case .less: "'<'"
        case .lessOrEqual: "'<='"
        case .greater: "'>'"
        case .greaterOrEqual: "'>='"
        case .end: "the end of the expression"
        }
    }
}
