import Testing
@testable import WaymarkExpression

@Suite struct JSONValueTests {
    @Test func parsesAndKeepsKeyOrder() throws {
        let json = try JSONValue(parsing: #" {"b": 1, "a": [true, null, 2.5, "x"], "c": {"z": -3, "y": 1e2}} "#)
        guard case .object(let fields) = json else { Issue.record("not an object"); return }
        #expect(fields.keys == ["b", "a", "c"])
        #expect(fields["a"] == .array([.bool(true), .null, .double(2.5), .string("x")]))
        #expect(json.serialized() == #"{"b":1,"a":[true,null,2.5,"x"],"c":{"z":-3,"y":100.0}}"#)
    }

    @Test func integersThatDoNotFitBecomeDoubles() throws {
        #expect(try JSONValue(parsing: "9223372036854775807") == .int(.max))
        #expect(try JSONValue(parsing: "-9223372036854775808") == .int(.min))
        #expect(try JSONValue(parsing: "9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSONValue(parsing: "12.0") == .double(12))
        #expect(try JSONValue(parsing: "-0") == .int(0))
    }

    @Test func escapesAndSurrogatePairs() throws {
        let json = try JSONValue(parsing: #""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#)
        #expect(json == .string("a\"b\\c/d\n\té😀"))
        #expect(json.serialized() == #""a\"b\\c/d\n\té😀""#)
        #expect(JSONValue.string("\u{01}").serialized() == #""\u0001""#)
    }

    @Test(arguments: [
        ("", 0, "unexpected end of input"),
        ("[1,]", 3, "unexpected character"),
        ("{\"a\" 1}", 5, "expected ':'"),
        ("[1 2]", 3, "expected ',' or ']'"),
        ("01", 0, "leading zero"),
        ("\"\\ud800\"", 7, "low surrogate"),
        ("\"abc", 0, "unterminated string"),
        ("tru", 0, "unexpected end of input"),
        ("[1] x", 4, "unexpected content"),
        ("\"a\u{01}\"", 2, "control character"),
        ("[1e999]", 1, "out of range"),
    ])
    func reportsProblemAndOffset(_ text: String, _ offset: Int, _ problem: String) {
        #expect {
            try JSONValue(parsing: text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.offset == offset && error.problem.contains(problem)
        }
    }

    @Test func reportsLineAndColumn() {
        do {
            _ = try JSONValue(parsing: "{\n  \"a\": 1,\n  \"b\": x\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 8)
        }
    }

    @Test func parsesAnyByteCollection() throws {
        let text = #"{"a":[1,"é"]}"#
        let reversed = Array(text.utf8.reversed()).reversed()
        #expect(try JSONValue(parsing: reversed) == JSONValue(parsing: text))
        #expect(try JSONValue(parsing: text).serializedBytes() == Array(text.utf8))
        #expect(JSONValue.array([.double(.nan), .double(.infinity)]).serialized() == "[null,null]")
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x22, 0xFF, 0x22]) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect((try? JSONValue(parsing: fine)) != nil)
    }

    @Test func randomInputNeverCrashesAndValidOutputRoundTrips() {
        var generator = SplitMix64(seed: 42)
        let alphabet = Array(#"{}[],:"\ 0123456789.eE+-truefalsnul\u"#.utf8) + [0xC3, 0xA9, 0xFF, 0x0A]
        var parsed = 0
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 24)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            if let value = try? JSONValue(parsing: bytes) {
                parsed += 1
                #expect((try? JSONValue(parsing: value.serialized())) == value, "\(value)")
            }
        }
        #expect(parsed > 0)
    }

    @Test func valuesFromJSONKeepStringsAsStrings() throws {
        let value = Value(json: try JSONValue(parsing: #"{"d": "2021-02-19", "n": 3, "x": 3.5, "l": [1, "a"]}"#))
        guard case .object(let fields) = value else { Issue.record("not an object"); return }
        #expect(fields["d"] == .string("2021-02-19"))
        #expect(fields["n"] == .integer(3))
        #expect(fields["x"] == .decimal(3.5))
        #expect(fields["l"] == .list([.integer(1), .string("a")]))
    }

    @Test func valuesRenderAsCLIJSON() throws {
        let list = Value.list([
            .dateOnly(LocalDate(year: 2021, month: 2, day: 19)),
            .dateTimeOnly(LocalDateTime(date: LocalDate(year: 2021, month: 2, day: 19), millisecondOfDay: 36_000_000)),
            .dateTime(ZonedDateTime(epochMilliseconds: 1_613_728_800_000, zone: .offset(seconds: 3600))),
            .duration(TimeSpan(milliseconds: 5_400_000)),
            .null, .boolean(true), .decimal(2), .object(ObjectValue([("k", .integer(1))])),
        ])
        #expect(list.jsonValue.serialized()
            == #"["2021-02-19","2021-02-19T10:00:00","2021-02-19T11:00:00+01:00","PT1H30M",null,true,2.0,{"k":1}]"#)
    }

    @Test(arguments: [
        ("null", ValueType.null, "null"),
        ("3", .integer, "integer"),
        ("3.5", .decimal, "decimal"),
        ("\"a\"", .string, "string"),
        ("true", .boolean, "boolean"),
        (#"["a", "b"]"#, .list(.string), "listString"),
        ("[1, 2.5]", .list(.decimal), "listDecimal"),
        ("[1, 2]", .list(.integer), "listInteger"),
        (#"[1, "a"]"#, .list(.any), "listAny"),
        ("[]", .list(.any), "listAny"),
        ("[[1]]", .list(.any), "listAny"),
        ("[true, null]", .list(.boolean), "listBoolean"),
    ])
    func inferredTypes(_ json: String, _ type: ValueType, _ name: String) throws {
        let inferred = ValueType.inferred(from: try JSONValue(parsing: json))
        #expect(inferred == type)
        #expect(inferred.name == name)
    }

    @Test func inferredObjectListsMergeTheirSchemas() throws {
        let inferred = ValueType.inferred(from: try JSONValue(parsing: #"[{"a": 1, "b": "x"}, {"a": 2.5, "c": true}]"#))
        let expected = ValueType.list(.object(ObjectSchema(fields: [("a", .decimal), ("b", .string), ("c", .boolean)])))
        #expect(inferred == expected)
        #expect(inferred.name == "listObject")
        #expect(ValueType.object(nil).name == "object")
        #expect(ValueType.any.name == "any")
        #expect(ValueType.list(.dateTimeOnly).name == "listDateTimeOnly")
    }

    @Test func dynamicTypes() {
        #expect(ValueType.dynamicType(of: .list([.integer(1), .decimal(2)])) == .list(.decimal))
        #expect(ValueType.dynamicType(of: .duration(TimeSpan(milliseconds: 1))) == .duration)
        #expect(ValueType.dynamicType(of: .object(ObjectValue([("a", .string("x"))]))) == .object(ObjectSchema(fields: [("a", .string)])))
    }
}

/// A small deterministic random generator for fuzz tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
