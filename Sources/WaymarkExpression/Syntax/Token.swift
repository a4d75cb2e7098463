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
