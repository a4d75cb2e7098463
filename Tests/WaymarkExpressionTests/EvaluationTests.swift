import Testing
@testable import WaymarkExpression

@Suite struct EvaluationTests {
    @Test func specExamples() throws {
        #expect(try evaluate("@{MyEvent.identityMap.entry('Email').first().id}") == .string("ada@example.com"))
        #expect(try evaluate("#{Weather.data.rain.'3h'}") == .decimal(1.5))
        #expect(try evaluate(#""abc" + 1234"#) == .string("abc1234"))
    }

    @Test(arguments: [
        ("1 + 2 * 3", Value.integer(7)),
        ("(1 + 2) * 3", .integer(9)),
        ("10 - 2 - 3", .integer(5)),
        ("7 / 2", .integer(3)),
        ("7 % 3", .integer(1)),
        ("1 / 0", .integer(0)),
        ("1.5 + 1", .decimal(2.5)),
        ("-@{MyEvent.amount}", .integer(-42)),
        ("@{MyEvent.amount} + @{MyEvent.price}", .decimal(51.5)),
        ("@{MyEvent.amount} > 40 and @{MyEvent.name} == 'Ada'", .boolean(true)),
        ("@{MyEvent.amount} > 50 or not @{MyEvent.vip}", .boolean(false)),
        ("'a' < 'b'", .boolean(true)),
        ("@{MyEvent.nothing} is null", .boolean(true)),
        ("@{MyEvent.name} is not null", .boolean(true)),
        ("@{MyEvent.codes} has null", .boolean(true)),
        ("@{MyEvent.price} is decimal and @{MyEvent.amount} is integer and @{MyEvent.amount} is numeric", .boolean(true)),
        ("'12' is numeric", .boolean(false)),
        ("if (@{MyEvent.vip}) then ('gold') else ('silver')", .string("gold")),
        ("if (@{MyEvent.amount} < 0) then (1) else (2.5)", .decimal(2.5)),
        ("if (@{MyEvent.amount} > 0) then (1) else (2.5)", .decimal(1)),
        ("[1, 2.5]", .list([.decimal(1), .decimal(2.5)])),
        ("[@{MyEvent.amount}, 1]", .list([.integer(42), .integer(1)])),
        ("@{MyEvent.my-field}", .string("dashed")),
        ("-9223372036854775808", .integer(.min)),
        ("twice(@{MyEvent.amount})", .integer(84)),
    ])
    func values(source: String, expected: Value) throws {
        #expect(try evaluate(source) == expected)
    }

    @Test func missingFieldsAndDefaults() throws {
        #expect(try evaluate("@{MyEvent.nothing, defaultValue: 'none'}") == .string("none"))
        #expect(try evaluate("@{MyEvent.name, defaultValue: 'none'}") == .string("Ada"))
        #expect(try evaluate("@{MyEvent.price, defaultValue: 0}") == .decimal(9.5))
        #expect(try evaluate("@{MyEvent.nothing, defaultValue: (twice(2))}") == .integer(4))
        #expect(try evaluate("@{MyEvent.amount} + @{MyEvent.nothing}") == .null)
    }

    @Test func journeyProperties() throws {
        #expect(try evaluate("@journey{journeyVersionName}") == .string("Welcome v2"))
        #expect(try evaluate("@journey{lastDataFetchElapsedTime} + 1") == .integer(36))
        #expect(try evaluate("@journey{currentNodeName}") == .null)
        #expect(try staticType("@journey{lastActionExecutionElapsedTime}") == .integer)
        #expect(try staticType("@journey{instanceUID}") == .string)
    }

    @Test func dataSourcesAndActions() throws {
        #expect(try evaluate("#{ExperiencePlatform.ProfileFieldGroup.person.name.firstName}") == .string("Ada"))
        #expect(try evaluate("#{ExperiencePlatform.ProfileFieldGroup.loyalty.points, params: {id: @{MyEvent.name}}} * 2") == .integer(240))
        #expect(try evaluate("@action{SendOffer.offerId}") == .string("o-1"))
        #expect(try evaluate("@action{SendOffer.jo_status_code}") == .string("http_201"))
        #expect(try evaluate("@action{Ping.jo_status_code} == 'http_200'") == .boolean(true))
    }

    @Test func andOrShortCircuit() throws {
        #expect(try evaluate("false and boom()") == .boolean(false))
        #expect(try evaluate("true or boom()") == .boolean(true))
        #expect(try evaluate("@{MyEvent.vip} or boom()") == .boolean(true))
        #expect(failure("true and boom()")?.code.rawValue == "ERR_EXPR_TEST_BOOM")
        #expect(failure("@{MyEvent.vip} and boom()")?.code.rawValue == "ERR_EXPR_TEST_BOOM")
    }

    @Test func constantsAreFolded() throws {
        let context = try sampleContext()
        #expect(try Expression.compile("1 + 2 * 3", schema: context).constantValue == .integer(7))
        #expect(try Expression.compile("if (1 > 2) then ('a') else ('b')", schema: context).constantValue == .string("b"))
        #expect(try Expression.compile("@{E.a} + 1", schema: context).constantValue == nil)
    }

    @Test func expectedTypes() throws {
        #expect(try evaluate("@{E.a} > 10", expecting: .boolean) == .boolean(true))
        #expect(failure("@{E.b}", expecting: .boolean)?.code == .type)
        #expect(failure("@{E.b}", expecting: .boolean)?.message == "A condition must be true or false; this expression gives a string.")
        #expect(failure("@{E.a}", expecting: .dateTime)?.code == .type)
        #expect(try evaluate("@{E.a}", expecting: .type(.decimal)) == .decimal(12))
        #expect(failure("1.5", expecting: .type(.integer))?.code == .type)
        #expect(try evaluate("@{MyEvent.nothing}", expecting: .boolean) == .null)
    }

    @Test func runtimeTypeOfAnyIsCheckedAgainstTheExpectation() throws {
        let context = try JSONExpressionContext(json: #"{"events": {"E": {"x": null}}}"#, now: sampleNow)
        let compiled = try Expression.compile("@{E.x}", schema: context, expecting: .boolean)
        #expect(compiled.resultType == .any)
        #expect(try compiled.evaluate(in: context) == .null)
        let other = try JSONExpressionContext(json: #"{"events": {"E": {"x": "yes"}}}"#, now: sampleNow)
        #expect(throws: ExpressionError.self) { try compiled.evaluate(in: other) }
    }

    @Test func theCLIFlow() throws {
        let context = try sampleContext()
        let result = try ExpressionEvaluation.run(source: "@{MyEvent.amount} * 2", context: context)
        #expect(result.typeName == "integer")
        #expect(result.jsonValue.serialized() == #"{"type":"integer","value":84}"#)
        let dynamic = try ExpressionEvaluation.run(source: "@{MyEvent.nothing, defaultValue: 'x'}", context: context)
        #expect(dynamic.typeName == "string")
    }

    @Test func contextDocumentErrors() {
        for bad in [#"[]"#, #"{"event": {}}"#, #"{"events": []}"#, #"{"audiences": [1]}"#, #"{"dataSources": {"D": 1}}"#, "{"] {
            #expect(throws: ExpressionError.self) { try JSONExpressionContext(json: bad, now: sampleNow) }
        }
    }

    @Test func standardLibraryThroughTheLanguage() throws {
        #expect(try evaluate("inAudience(\"VIP\") and not inSegment('Gold')") == .boolean(true))
        #expect(failure("inAudience(@{E.b})")?.code == .notConstant)
        #expect(try evaluate("@{E.a} > 10 and startWith(@{E.b}, \"x\")", expecting: .boolean) == .boolean(true))
        #expect(try evaluate("toDateTime('2021-02-19T10:00:00Z')", expecting: .dateTime) != .null)
        #expect(try evaluate("now() == toDateTime(1795348800000)") == .boolean(true))
        #expect(try evaluate("count(@{MyEvent.codes}) + listSize(@{MyEvent.items})") == .integer(5))
        #expect(failure("now()", expecting: .boolean)?.message == "A condition must be true or false; this expression gives a dateTime.")
        let suggestion = try #require(failure("startwith(@{E.b}, 'x')"))
        #expect(suggestion.code == .unknownFunction)
        #expect(suggestion.message.contains("Did you mean 'startWith'?"))
        let arguments = try #require(failure("startWith(1, 'x')"))
        #expect(arguments.code == .arguments)
        #expect(arguments.message.contains("startWith(string, string)"))
    }
}
