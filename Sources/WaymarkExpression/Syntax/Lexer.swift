/// Cuts expression source into tokens, one at a time, on the parser's demand.
///
/// Positions count Unicode scalars; lines are separated by `\n`. Inside a field reference the
/// parser asks for path segments with `nextPathSegment()`, where `-` belongs to a name.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    /// Creates a lexer over `source`.
    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// The number of Unicode scalars of the source.
    var count: Int { scalars.count }

    /// The position of the next unread scalar.
    var position: SourcePosition { SourcePosition(offset: index, line: line, column: column) }

    /// Whether the next scalar is a space, so that two tokens are not adjacent.
    var isAtWhitespace: Bool { index < scalars.count && Self.isWhitespace(scalars[index]) }

    /// The next token of ordinary expression text.
    mutating func next() throws(ExpressionError) -> Token {
        skipWhitespace()
        let start = position
        guard let scalar = peek() else { return Token(kind: .end, position: start) }
        func token(_ kind: Token.Kind, length: Int = 1) -> Token {
            for _ in 0..<length { advance() }
            return Token(kind: kind, position: start)
        }
        switch scalar {
        case "\"", "'": return Token(kind: .string(try lexString()), position: start)
        case "0"..."9": return try lexNumber()
        case "@", "#": return try lexReferenceOpener()
        case "(": return token(.leftParenthesis)
        case ")": return token(.rightParenthesis)
        case "[": return token(.leftBracket)
        case "]": return token(.rightBracket)
        case "{": return token(.leftBrace)
        case "}": return token(.rightBrace)
        case ",": return token(.comma)
        case ".": return token(.dot)
        case ":": return token(.colon)
        case "+": return token(.plus)
        case "-": return token(.minus)
        case "*": return token(.star)
        case "/": return token(.slash)
        case "%": return token(.percent)
        case "=" where peek(1) == "=": return token(.equal, length: 2)
        case "!" where peek(1) == "=": return token(.notEqual, length: 2)
        case "<" where peek(1) == "=": return token(.lessOrEqual, length: 2)
        case "<": return token(.less)
        case ">" where peek(1) == "=": return token(.greaterOrEqual, length: 2)
        case ">": return token(.greater)
        default:
            if Self.isIdentifierStart(scalar) {
                return Token(kind: .identifier(readWhile(Self.isIdentifierPart)), position: start)
            }
            let hint = scalar == "=" ? " (to compare, write '==')" : scalar == "!" ? " (to negate, write 'not')" : ""
            throw ExpressionError(.syntax, "The character '\(scalar)' is not allowed here\(hint).", at: start)
        }
    }

    /// The next segment of a field path: a name of letters, digits, `_` and `-`, or a quoted name.
    mutating func nextPathSegment() throws(ExpressionError) -> Token {
        skipWhitespace()
        let start = position
        guard let scalar = peek() else {
            throw ExpressionError(.syntax, "A field name is missing at the end of the expression.", at: start)
        }
        if scalar == "\"" || scalar == "'" { return Token(kind: .string(try lexString()), position: start) }
        guard Self.isIdentifierStart(scalar) else {
            let hint = Self.isPathPart(scalar) ? " (names that start with a digit or '-' must be quoted, e.g. '3h')" : ""
            throw ExpressionError(.syntax, "A field name is expected here\(hint).", at: start)
        }
        return Token(kind: .identifier(readWhile(Self.isPathPart)), position: start)
    }

    // MARK: - Literals

    private mutating func lexString() throws(ExpressionError) -> String {
        let start = position
        let quote = peek()!
        advance()
        var text = String.UnicodeScalarView()
        while let scalar = peek() {
            advance()
            if scalar == quote { return String(text) }
            guard scalar == "\\" else {
                text.append(scalar)
                continue
            }
            let escapePosition = position
            guard let escaped = peek() else { break }
            advance()
            switch escaped {
            case "\\", "\"", "'", "/": text.append(escaped)
            case "n": text.append("\n")
            case "t": text.append("\t")
            case "r": text.append("\r")
            default:
                throw ExpressionError(
                    .syntax, "'\\\(escaped)' is not a known escape in a text; write '\\\\' for a backslash.",
                    at: escapePosition)
            }
        }
        throw ExpressionError(.unterminatedString, "This text has no closing \(quote == "'" ? "'" : "\"").", at: start)
    }

    private mutating func lexNumber() throws(ExpressionError) -> Token {
        let start = position
        var digits = readWhile { ("0"..."9").contains($0) }
        var isDecimal = false
        if peek() == ".", let after = peek(1), ("0"..."9").contains(after) {
            advance()
            digits += "." + readWhile { ("0"..."9").contains($0) }
            isDecimal = true
        }
        if let next = peek(), Self.isIdentifierPart(next) || next == "." {
            throw ExpressionError(.syntax, "'\(digits)\(next)' is not a number.", at: start)
        }
        if isDecimal {
            guard let number = Double(digits), number.isFinite else {
                throw ExpressionError(.numberOutOfRange, "The number \(digits) is too large.", at: start)
            }
            return Token(kind: .decimal(number), position: start)
        }
        guard let magnitude = UInt64(digits), magnitude <= UInt64(Int64.max) + 1 else {
            throw ExpressionError(
                .numberOutOfRange, "The integer \(digits) is too large (integers go up to 9223372036854775807).",
                at: start)
        }
        return Token(kind: .integer(magnitude), position: start)
    }

    private mutating func lexReferenceOpener() throws(ExpressionError) -> Token {
        let start = position
        for opener in [ReferenceOpener.event, .dataSource, .explicitEvent, .action, .journey] {
            let text = Array(opener.rawValue.unicodeScalars)
            if index + text.count <= scalars.count, Array(scalars[index..<index + text.count]) == text {
                for _ in text { advance() }
                return Token(kind: .referenceOpen(opener), position: start)
            }
        }
        throw ExpressionError(
            .syntax,
            "A field reference starts with '@{', '@event{', '#{', '@action{' or '@journey{'.", at: start)
    }

    // MARK: - Scalars

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func readWhile(_ accepts: (Unicode.Scalar) -> Bool) -> String {
        var text = String.UnicodeScalarView()
        while let scalar = peek(), accepts(scalar) {
            text.append(scalar)
            advance()
        }
        return String(text)
    }

    private mutating func skipWhitespace() {
        while let scalar = peek(), Self.isWhitespace(scalar) { advance() }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isPathPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierPart(scalar) || scalar == "-"
    }
}
