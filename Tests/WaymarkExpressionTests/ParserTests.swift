import Testing
@testable import WaymarkExpression

@Suite struct ParserTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("1 * 2 + 3", "((1 * 2) + 3)"),
        ("1 - 2 - 3", "((1 - 2) - 3)"),
        ("8 / 4 / 2", "((8 / 4) / 2)"),
        ("7 % 3 * 2", "((7 % 3) * 2)"),
        ("(1 + 2) * 3", "((1 + 2) * 3)"),
        ("-1 + 2", "((- 1) + 2)"),
        ("-a().x", "(- a().x)"),
        ("- - 1", "(- (- 1))"),
        ("a() or b() and c()", "(a() or (b() and c()))"),
        ("a() and b() or c()", "((a() and b()) or c())"),
        ("a() or b() or c()", "((a() or b()) or c())"),
        ("not a() and b()", "((not a()) and b())"),
        ("not 1 == 2", "(not (1 == 2))"),
        ("not not true", "(not (not true))"),
        ("1 + 2 > 3 and 4 <= 5", "(((1 + 2) > 3) and (4 <= 5))"),
        ("1 == 2 == false", "((1 == 2) == false)"),
        ("1 != 2", "(1 != 2)"),
        ("a() is null", "(a() is null)"),
        ("a() is not null or b() has null", "((a() is not null) or (b() has null))"),
        ("1 + 2 is numeric", "((1 + 2) is numeric)"),
        ("x() is integer and y() is decimal", "((x() is integer) and (y() is decimal))"),
        ("not a() is null", "(not (a() is null))"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("1.5 * 2", "(1.5 * 2)"),
        ("[1, 2, 3]", "[1, 2, 3]"),
        ("[]", "[]"),
        ("['a', \"b\"]", "['a', 'b']"),
        ("if (true) then (1) else (2)", "(if true then 1 else 2)"),
        ("if (a() > 1) then ('x') else (if (b()) then ('y') else ('z'))", "(if (a() > 1) then 'x' else (if b() then 'y' else 'z'))"),
        ("1 + if (true) then (1) else (2) * 3", "(1 + ((if true then 1 else 2) * 3))"),
        ("startWith(@{E.b}, \"x\")", "startWith(event{E|b}, 'x')"),
        ("now()", "now()"),
        ("inAudience(\"VIP\")", "inAudience('VIP')"),
    ])
    func precedenceAndGrouping(source: String, expected: String) throws {
        #expect(try parsed(source) == expected)
    }

    @Test(arguments: [
        ("@{E.a}", "event{E|a}"),
        ("@event{E.a.b.c}", "event{E|a|b|c}"),
        ("#{ExperiencePlatform.ProfileFieldGroup.person.name.firstName}", "dataSource{ExperiencePlatform|ProfileFieldGroup|person|name|firstName}"),
        ("@action{Send.result.id}", "action{Send|result|id}"),
        ("@action{Send.jo_status_code}", "action{Send|jo_status_code}"),
        ("#{Weather.data.rain.'3h'}", "dataSource{Weather|data|rain|3h}"),
        ("@{E.\"odd name\".x}", "event{E|odd name|x}"),
        ("@{E.my-field}", "event{E|my-field}"),
        ("@{ E . a }", "event{E|a}"),
        ("@journey{journeyVersionName}", "journey{journeyVersionName}"),
        ("@{E.a, defaultValue: 0}", "event{E|a default=0}"),
        ("@{E.a, defaultValue: (now())}", "event{E|a default=now()}"),
        ("@{E.a, defaultValue: -1}", "event{E|a default=(- 1)}"),
        ("#{DS.FG.f, params: {city: @{E.city}, units: 'metric'}}", "dataSource{DS|FG|f params={city=event{E|city}, units='metric'}}"),
        ("#{DS.FG.f, params: {a: #{DS2.G.x, params: {b: @{E.y}}}}}", "dataSource{DS|FG|f params={a=dataSource{DS2|G|x params={b=event{E|y}}}}}"),
        ("#{DS.FG.f, defaultValue: 'x', params: {a: 1}}", "dataSource{DS|FG|f default='x' params={a=1}}"),
        ("#{DS.FG.f, params: {a: 1}, defaultValue: 'x'}", "dataSource{DS|FG|f default='x' params={a=1}}"),
    ])
    func references(source: String, expected: String) throws {
        #expect(try parsed(source) == expected)
    }

    @Test(arguments: [
        ("@{MyEvent.identityMap.entry('Email').first().id}", "event{MyEvent|identityMap}.entry('Email').first().id"),
        ("@{E.items.all(currentEventField.price > 10)}", "event{E|items}.all((currentEventField.price > 10))"),
        ("@{E.items.all()}", "event{E|items}.all()"),
        ("@{E.items.first(currentEventField.sku == 'a').price}", "event{E|items}.first((currentEventField.sku == 'a')).price"),
        ("@{E.items.last(currentEventField.ok)}", "event{E|items}.last(currentEventField.ok)"),
        ("@{E.items.at(0).'3h'}", "event{E|items}.at(0).3h"),
        ("@{E.items}.at(1)", "event{E|items}.at(1)"),
        ("@{E.m.firstEntryKey()}", "event{E|m}.firstEntryKey()"),
        ("@{E.m.keys()}", "event{E|m}.keys()"),
        ("#{DS.FG.list.all(currentDataPackField.x == 1), params: {p: 1}}", "dataSource{DS|FG|list params={p=1}}.all((currentDataPackField.x == 1))"),
        ("@action{A.rows.first(currentActionField.ok).id}", "action{A|rows}.first(currentActionField.ok).id"),
        ("@{E.a.all(currentEventField.b.all(currentEventField.c > 1).at(0) is not null)}", "event{E|a}.all((currentEventField.b.all((currentEventField.c > 1)).at(0) is not null))"),
        ("[1, 2].at(0)", "[1, 2].at(0)"),
        ("@{E.a, defaultValue: [1]}.first()", "event{E|a default=[1]}.first()"),
    ])
    func methods(source: String, expected: String) throws {
        #expect(try parsed(source) == expected)
    }

    @Test(arguments: [
        ("1 +", "ERR_EXPR_SYNTAX", 3),
        ("(1 + 2", "ERR_EXPR_SYNTAX", 6),
        ("1 2", "ERR_EXPR_SYNTAX", 2),
        ("foo", "ERR_EXPR_SYNTAX", 0),
        ("true AND false", "ERR_EXPR_SYNTAX", 5),
        ("TRUE", "ERR_EXPR_SYNTAX", 0),
        ("if true then (1) else (2)", "ERR_EXPR_SYNTAX", 3),
        ("if (true) then (1)", "ERR_EXPR_SYNTAX", 18),
        ("if (true) (1) else (2)", "ERR_EXPR_SYNTAX", 10),
        ("@{E}", "ERR_EXPR_SYNTAX", 2),
        ("@{E.a", "ERR_EXPR_SYNTAX", 5),
        ("#{DS.FG}", "ERR_EXPR_SYNTAX", 2),
        ("@journey{a.b}", "ERR_EXPR_SYNTAX", 9),
        ("@{E.3h}", "ERR_EXPR_SYNTAX", 4),
        ("@{E.a, defaultValue: 1, defaultValue: 2}", "ERR_EXPR_SYNTAX", 24),
        ("@{E.a, other: 1}", "ERR_EXPR_SYNTAX", 7),
        ("#{D.F.x, params: {a: 1, a: 2}}", "ERR_EXPR_SYNTAX", 24),
        ("a() is b", "ERR_EXPR_SYNTAX", 7),
        ("a() has nothing", "ERR_EXPR_SYNTAX", 8),
        ("[1, 2", "ERR_EXPR_SYNTAX", 5),
        ("f(1,)", "ERR_EXPR_SYNTAX", 4),
        ("9223372036854775808", "ERR_EXPR_NUMBER_RANGE", 0),
        ("", "ERR_EXPR_SYNTAX", 0),
        ("'abc", "ERR_EXPR_UNTERMINATED_STRING", 0),
    ])
    func syntaxErrors(source: String, code: String, offset: Int) throws {
        let error = try #require(parseError(source))
        #expect(error.code.rawValue == code)
        #expect(error.position?.offset == offset)
        #expect(!error.message.isEmpty)
    }

    @Test func nestingDepthIsBoundedWithoutCrashing() throws {
        let deepParentheses = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(parseError(deepParentheses)?.code == .tooDeep)
        let longChain = (0..<5_000).map { _ in "1" }.joined(separator: " + ")
        #expect(parseError(longChain)?.code == .tooDeep)
        let manyNots = String(repeating: "not ", count: 5_000) + "true"
        #expect(parseError(manyNots)?.code == .tooDeep)
        let manyMinus = String(repeating: "-", count: 5_000) + "1"
        #expect(parseError(manyMinus)?.code == .tooDeep)
        let methodChain = "@{E.a}" + String(repeating: ".first()", count: 5_000)
        #expect(parseError(methodChain)?.code == .tooDeep)
        let moderate = (0..<100).map { _ in "1" }.joined(separator: " + ")
        #expect(parseError(moderate) == nil)
    }

    @Test func lengthIsBounded() {
        let long = "'" + String(repeating: "x", count: ExpressionLimits.maximumLength) + "'"
        #expect(parseError(long)?.code == .tooLong)
    }

    @Test(arguments: ["true AND false", "TRUE", "x() OR y()", "If (true) then (1) else (2)"])
    func uppercaseKeywordsGetAHint(source: String) throws {
        let error = try #require(parseError(source))
        #expect(error.code == .syntax)
        #expect(error.message.contains("lowercase"))
    }
}
