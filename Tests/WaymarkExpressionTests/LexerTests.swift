import Testing
@testable import WaymarkExpression

@Suite struct LexerTests {
    private func kinds(_ source: String) throws -> [Token.Kind] {
        var lexer = Lexer(source)
        var kinds: [Token.Kind] = []
        while true {
            let token = try lexer.next()
            if token.kind == .end { return kinds }
            kinds.append(token.kind)
        }
    }

    @Test func operatorsAndPunctuation() throws {
        #expect(try kinds("== != < <= > >= + - * / % ( ) [ ] { } , . :") == [
            .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .plus, .minus, .star, .slash,
            .percent, .leftParenthesis, .rightParenthesis, .leftBracket, .rightBracket, .leftBrace, .rightBrace,
            .comma, .dot, .colon,
        ])
    }

    @Test(arguments: [
        ("\"abc\"", "abc"), ("'abc'", "abc"), (#""a\"b""#, "a\"b"), (#"'it\'s'"#, "it's"),
        (#""back\\slash""#, "back\\slash"), (#""line\nbreak""#, "line\nbreak"), ("'é😀'", "é😀"),
        ("\"it's\"", "it's"), ("''", ""),
    ])
    func strings(source: String, expected: String) throws {
        #expect(try kinds(source) == [.string(expected)])
    }

    @Test func numbers() throws {
        #expect(try kinds("0 42 3.14 9223372036854775807") == [
            .integer(0), .integer(42), .decimal(3.14), .integer(9_223_372_036_854_775_807),
        ])
    }

    @Test func referenceOpeners() throws {
        #expect(try kinds("@{ @event{ #{ @action{ @journey{") == [
            .referenceOpen(.event), .referenceOpen(.explicitEvent), .referenceOpen(.dataSource),
            .referenceOpen(.action), .referenceOpen(.journey),
        ])
    }

    @Test func identifiersAreCaseSensitive() throws {
        #expect(try kinds("and AND currentEventField") == [.identifier("and"), .identifier("AND"), .identifier("currentEventField")])
    }

    @Test func pathSegmentsAllowDashesInside() throws {
        var lexer = Lexer("my-field.'3h'")
        #expect(try lexer.nextPathSegment().kind == .identifier("my-field"))
        #expect(try lexer.next().kind == .dot)
        #expect(try lexer.nextPathSegment().kind == .string("3h"))
    }

    @Test(arguments: [
        ("\"abc", "ERR_EXPR_UNTERMINATED_STRING", 0),
        ("'abc\\'", "ERR_EXPR_UNTERMINATED_STRING", 0),
        ("1 + 'x", "ERR_EXPR_UNTERMINATED_STRING", 4),
        ("'\\q'", "ERR_EXPR_SYNTAX", 2),
        ("99999999999999999999999", "ERR_EXPR_NUMBER_RANGE", 0),
        ("3h", "ERR_EXPR_SYNTAX", 0),
        ("a = b", "ERR_EXPR_SYNTAX", 2),
        ("@foo{x}", "ERR_EXPR_SYNTAX", 0),
        ("1 § 2", "ERR_EXPR_SYNTAX", 2),
    ])
    func errors(source: String, code: String, offset: Int) throws {
        var lexer = Lexer(source)
        let error = try #require(throws: ExpressionError.self) {
            while try lexer.next().kind != .end {}
        }
        #expect(error.code.rawValue == code)
        #expect(error.position?.offset == offset)
    }
}
