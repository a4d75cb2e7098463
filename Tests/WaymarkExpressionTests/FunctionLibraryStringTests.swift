import Testing
@testable import WaymarkExpression

@Suite struct FunctionLibraryStringTests {
    @Test(arguments: [
        ("contain", "Hello World", "lo W", true), ("contain", "Hello", "", true), ("contain", "Hello", "world", false),
        ("containIgnoreCase", "Hello World", "WORLD", true), ("containIgnoreCase", "ÉTÉ", "été", true),
        ("startWith", "Hello", "He", true), ("startWith", "Hello", "he", false), ("startWith", "He", "Hello", false),
        ("startWithIgnoreCase", "Hello", "hE", true), ("startWithIgnoreCase", "Été", "éT", true),
        ("startWithIgnoreCase", "Hello", "hX", false), ("containIgnoreCase", "xHeLLo", "ell", true),
        ("containIgnoreCase", "xHeLLo", "elx", false), ("endWithIgnoreCase", "caFÉ", "fé", true),
        ("endWith", "Hello", "llo", true), ("endWith", "Hello", "LLO", false),
        ("endWithIgnoreCase", "Hello", "LLO", true),
        ("equalIgnoreCase", "Straße", "STRASSE", false), ("equalIgnoreCase", "abc", "ABC", true),
        ("equalIgnoreCase", "Ünïcode", "üNÏCODE", true), ("equalIgnoreCase", "abc", "abcd", false),
        ("notEqualIgnoreCase", "abc", "ABC", false), ("notEqualIgnoreCase", "abc", "abd", true),
    ])
    func predicates(_ name: String, _ text: String, _ argument: String, _ expected: Bool) throws {
        #expect(try call(name, [.string(text), .string(argument)]) == .boolean(expected))
    }

    @Test func predicatesCompareCodePointsNotCanonicalEquivalence() throws {
        // "é" precomposed vs "e" + combining accent: different code points, as in Java.
        #expect(try call("startWith", [.string("\u{E9}t\u{E9}"), .string("e\u{301}")]) == .boolean(false))
        #expect(try call("contain", [.string("caf\u{E9}"), .string("f\u{E9}")]) == .boolean(true))
    }

    @Test func nullArgumentsGiveNull() throws {
        #expect(try call("startWith", [.null, .string("x")], types: [.string, .string]) == .null)
        #expect(try call("length", [.null], types: [.string]) == .null)
        #expect(try call("isEmpty", [.null], types: [.string]) == .boolean(true))
        #expect(try call("isNotEmpty", [.null], types: [.string]) == .boolean(false))
    }

    @Test func matchRegExpMatchesTheWholeString() throws {
        #expect(try call("matchRegExp", [.string("abc123"), .string("[a-z]+\\d+")]) == .boolean(true))
        #expect(try call("matchRegExp", [.string("abc123x"), .string("[a-z]+\\d+")]) == .boolean(false))
        #expect(try call("matchRegExp", [.string("ab"), .string("a|ab")]) == .boolean(true))
        #expect(try call("matchRegExp", [.string("ABC"), .string("(?i)abc")]) == .boolean(true))
        #expect(try call("matchRegExp", [.string("a\n"), .string("a")]) == .boolean(false))
    }

    @Test func invalidRegexIsARunTimeErrorAndCanBeValidatedEarly() {
        #expect(errorCode { try call("matchRegExp", [.string("a"), .string("([a-")]) } == "ERR_EXPR_REGEX")
        #expect(errorCode { try call("replaceAll", [.string("a"), .string("*"), .string("")]) } == "ERR_EXPR_REGEX")
        #expect(errorCode { try call("split", [.string("a"), .string("(")]) } == "ERR_EXPR_REGEX")
        #expect(errorCode { try call("matchRegExp", [.string("a)(b"), .string("a)(b")]) } == "ERR_EXPR_REGEX")
        #expect(StandardFunctions.validateRegex("[0-9]+") == nil)
        #expect(StandardFunctions.validateRegex("[0-9") != nil)
    }

    @Test func indexOfCountsCodePoints() throws {
        #expect(try call("indexOf", [.string("héllo wörld"), .string("wörld")]) == .integer(6))
        #expect(try call("indexOf", [.string("abcabc"), .string("c")]) == .integer(2))
        #expect(try call("lastIndexOf", [.string("abcabc"), .string("c")]) == .integer(5))
        #expect(try call("indexOf", [.string("abc"), .string("x")]) == .integer(-1))
        #expect(try call("lastIndexOf", [.string("abc"), .string("x")]) == .integer(-1))
        #expect(try call("indexOf", [.string("abc"), .string("")]) == .integer(0))
        #expect(try call("length", [.string("héllo😀")]) == .integer(6))
        #expect(try call("length", [.string("")]) == .integer(0))
    }

    @Test func emptinessLowerUpperTrim() throws {
        #expect(try call("isEmpty", [.string("")]) == .boolean(true))
        #expect(try call("isEmpty", [.string(" ")]) == .boolean(false))
        #expect(try call("isNotEmpty", [.string("a")]) == .boolean(true))
        #expect(try call("isEmpty", [.list([])], types: [.list(.string)]) == .boolean(true))
        #expect(try call("lower", [.string("HéLLO")]) == .string("héllo"))
        #expect(try call("upper", [.string("héllo")]) == .string("HÉLLO"))
        #expect(try call("trim", [.string(" \t a b \n")]) == .string("a b"))
        #expect(try call("trim", [.string("   ")]) == .string(""))
        #expect(try call("trim", [.string("ab")]) == .string("ab"))
    }

    @Test func concatenation() throws {
        #expect(try call("concat", [.string("ab"), .string("cd")]) == .string("abcd"))
        #expect(try call("concat", [.list([.string("a"), .null, .string("c")])], types: [.list(.string)]) == .string("ac"))
        #expect(resultType("concat", [.integer, .string]) == nil)
    }

    @Test func replaceFirstAndAll() throws {
        #expect(try call("replace", [.string("a1b22c"), .string("\\d+"), .string("#")]) == .string("a#b22c"))
        #expect(try call("replaceAll", [.string("a1b22c"), .string("\\d+"), .string("#")]) == .string("a#b#c"))
        #expect(try call("replaceAll", [.string("john smith"), .string("(\\w+) (\\w+)"), .string("$2, $1")]) == .string("smith, john"))
        #expect(try call("replace", [.string("abc"), .string("x"), .string("y")]) == .string("abc"))
        #expect(try call("replace", [.string("😀a😀a"), .string("a"), .string("b")]) == .string("😀b😀a"))
    }

    @Test(arguments: [
        ("a,b,,c,,", ",", ["a", "b", "", "c"]),
        ("a1b22c", "\\d+", ["a", "b", "c"]),
        ("abc", ",", ["abc"]),
        ("", ",", [""]),
        (",a", ",", ["", "a"]),
        ("abc", "", ["a", "b", "c"]),
        ("a b  c", "\\s+", ["a", "b", "c"]),
    ])
    func splitLikeJava(_ text: String, _ separator: String, _ expected: [String]) throws {
        #expect(try call("split", [.string(text), .string(separator)]) == .list(expected.map(Value.string)))
    }

    @Test(arguments: [
        ("hello", Int64(1), Int64?.none, "ello"),
        ("hello", 1, 3, "el"),
        ("hello", 0, 5, "hello"),
        ("hello", -2, 2, "he"),
        ("hello", 3, 99, "lo"),
        ("hello", 9, nil, ""),
        ("hello", 4, 2, ""),
        ("héllo😀", 4, 6, "o😀"),
    ])
    func substrClampsOutOfRangeIndexes(_ text: String, _ begin: Int64, _ end: Int64?, _ expected: String) throws {
        let arguments: [Value] = [.string(text), .integer(begin)] + (end.map { [.integer($0)] } ?? [])
        #expect(try call("substr", arguments) == .string(expected))
    }
}
