import Testing
@testable import WaymarkExpression

@Suite struct ErrorPositionTests {
    @Test(arguments: [
        // (source, code, offset, line, column)
        ("@{E.a} + true", "ERR_EXPR_TYPE", 7, 1, 8),
        ("@{E.zzz}", "ERR_EXPR_UNKNOWN_FIELD", 4, 1, 5),
        ("@{Nope.a}", "ERR_EXPR_UNKNOWN_EVENT", 2, 1, 3),
        ("#{Weather.nope.x}", "ERR_EXPR_UNKNOWN_DATA_SOURCE", 10, 1, 11),
        ("#{Weather.data.rain.'4h'}", "ERR_EXPR_UNKNOWN_FIELD", 20, 1, 21),
        ("1 +\n  nosuch(2)", "ERR_EXPR_UNKNOWN_FUNCTION", 6, 2, 3),
        ("@{E.a} > 1\nand\n   @{E.b} == 2", "ERR_EXPR_TYPE", 25, 3, 11),
        ("if (true)\nthen ('a')\nelse (1)", "ERR_EXPR_TYPE", 27, 3, 7),
        ("'é😀' + nosuch()", "ERR_EXPR_UNKNOWN_FUNCTION", 7, 1, 8),
        ("\n\n   'abc", "ERR_EXPR_UNTERMINATED_STRING", 5, 3, 4),
        ("@{E.a, defaultValue: 'x'}", "ERR_EXPR_TYPE", 21, 1, 22),
        ("@{MyEvent.items.first(currentEventField.nope == 1)}", "ERR_EXPR_UNKNOWN_FIELD", 40, 1, 41),
        ("@{MyEvent.items.frist()}", "ERR_EXPR_UNKNOWN_METHOD", 16, 1, 17),
        ("@journey{nope}", "ERR_EXPR_UNKNOWN_PROPERTY", 0, 1, 1),
    ])
    func compileErrors(source: String, code: String, offset: Int, line: Int, column: Int) throws {
        let error = try #require(failure(source))
        #expect(error.code.rawValue == code)
        #expect(error.position == SourcePosition(offset: offset, line: line, column: column))
    }

    @Test func runtimeErrorsPointAtTheFailingSubExpression() throws {
        let error = try #require(failure("true and\n  boom()"))
        #expect(error.code.rawValue == "ERR_EXPR_TEST_BOOM")
        #expect(error.position == SourcePosition(offset: 11, line: 2, column: 3))
        let overflow = try #require(failure("1 + 9223372036854775807 * @{E.a}"))
        #expect(overflow.code.rawValue == "ERR_EXPR_OVERFLOW")
        #expect(overflow.position?.offset == 24)
    }

    @Test func runtimeTypeMismatchesOfAnyValuesHaveAPosition() throws {
        let context = try JSONExpressionContext(json: #"{"events": {"E": {"x": null}}}"#, now: sampleNow)
        let compiled = try Expression.compile("1 + @{E.x}.first()", schema: context)
        let other = try JSONExpressionContext(json: #"{"events": {"E": {"x": "text"}}}"#, now: sampleNow)
        let error = try #require(throws: ExpressionError.self) { try compiled.evaluate(in: other) }
        #expect(error.code == .runtimeType)
        #expect(error.position?.offset == 11)
    }
}
