/// One lexical unit of an expression, with where it starts in the source.
struct Token: Sendable {
    /// What kind of token this is, with its payload.
    enum Kind: Sendable, Hashable {
        case string(String)
        /// An unsigned integer literal; the magnitude is kept so that `-9223372036854775808` parses.
        case integer(UInt64)
        case decimal(Double)
        case identifier(String)
        /// The opening of a field reference (`@{`, `@event{`, `#{`, `@action{`, `@journey{`).
        case referenceOpen(ReferenceOpener)
        case leftParenthesis, rightParenthesis
        case leftBracket, rightBracket
        case leftBrace, rightBrace
        case comma, dot, colon
        case plus, minus, star, slash, percent
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        case end
    }

    var kind: Kind
    var position: SourcePosition
}

/// The opening sigil of a field reference.
enum ReferenceOpener: String, Sendable, Equatable {
    case event = "@{"
    case explicitEvent = "@event{"
    case dataSource = "#{"
    case action = "@action{"
    case journey = "@journey{"
}

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
