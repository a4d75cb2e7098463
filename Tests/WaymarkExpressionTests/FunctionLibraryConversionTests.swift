import Testing
@testable import WaymarkExpression

@Suite struct FunctionLibraryConversionTests {
    @Test(arguments: [
        (Value.string("true"), true), (.string("TRUE"), false), (.string("yes"), false), (.integer(0), false),
        (.integer(-2), true), (.decimal(0.1), true), (.decimal(0), false), (.boolean(true), true),
    ])
    func toBool(_ value: Value, _ expected: Bool) throws {
        #expect(try call("toBool", [value]) == .boolean(expected))
    }

    @Test func toDateOnly() throws {
        let day = Value.dateOnly(LocalDate(year: 2021, month: 2, day: 19))
        #expect(try call("toDateOnly", [.string("2021-02-19")]) == day)
        #expect(try call("toDateOnly", [.string("2021-02-19T23:30:00-05:00")]) == day)
        #expect(try call("toDateOnly", [.string("2021-02-19T10:00:00")]) == day)
        #expect(try call("toDateOnly", [dateTime("2021-02-19T23:30:00-05:00")]) == day)
        #expect(try call("toDateOnly", [.integer(1_613_728_800_000)]) == day)
        #expect(try call("toDateOnly", [.integer(2021), .integer(2), .integer(19)]) == day)
        #expect(try call("toDateOnly", [.string("19/02/2021")]) == .null)
        #expect(errorCode { try call("toDateOnly", [.integer(2021), .integer(2), .integer(30)]) } == "ERR_EXPR_INVALID_ARGUMENT")
    }

    @Test func toDateTime() throws {
        #expect(try call("toDateTime", [.string("2021-02-19T10:00:00Z")]).rendered == "2021-02-19T10:00:00Z")
        #expect(try call("toDateTime", [.string("2021-02-19T10:00:00.123+01:00")]).rendered == "2021-02-19T10:00:00.123+01:00")
        #expect(try call("toDateTime", [.string("not a date")]) == .null)
        #expect(try call("toDateTime", [.string("2021-02-30T10:00:00Z")]) == .null)
        #expect(try call("toDateTime", [.integer(1_613_728_800_000)]).rendered == "2021-02-19T10:00:00Z")
        #expect(errorCode { try call("toDateTime", [.integer(.max)]) } == "ERR_EXPR_OVERFLOW")
        let local = Value.dateTimeOnly(LocalDateTime(iso8601: "2021-07-01T09:30:00")!)
        #expect(try call("toDateTime", [.string("Europe/Paris"), local]).rendered == "2021-07-01T09:30:00+02:00")
        let day = Value.dateOnly(LocalDate(year: 2021, month: 1, day: 15))
        #expect(try call("toDateTime", [.string("America/New_York"), day]).rendered == "2021-01-15T00:00:00-05:00")
        #expect(errorCode { try call("toDateTime", [.string("Mars/Base"), day]) } == "ERR_EXPR_INVALID_ARGUMENT")
    }

    @Test func toDateTimeOnly() throws {
        #expect(try call("toDateTimeOnly", [dateTime("2021-02-19T10:00:00+01:00")]).rendered == "2021-02-19T10:00:00")
        #expect(try call("toDateTimeOnly", [.string("2021-02-19T10:00:00.5")]).rendered == "2021-02-19T10:00:00.500")
        #expect(try call("toDateTimeOnly", [.string("2021-02-19T10:00:00Z")]).rendered == "2021-02-19T10:00:00")
        #expect(try call("toDateTimeOnly", [.string("tomorrow")]) == .null)
    }

    @Test func toDecimal() throws {
        #expect(try call("toDecimal", [.string(" 3.25 ")]) == .decimal(3.25))
        #expect(try call("toDecimal", [.integer(3)]) == .decimal(3))
        #expect(try call("toDecimal", [.boolean(true)]) == .decimal(1))
        #expect(try call("toDecimal", [.boolean(false)]) == .decimal(0))
        #expect(try call("toDecimal", [dateTime("2021-02-19T10:00:00Z")]) == .decimal(1_613_728_800_000))
        #expect(errorCode { try call("toDecimal", [.string("abc")]) } == "ERR_EXPR_CONVERSION")
    }

    @Test func toDuration() throws {
        #expect(try call("toDuration", [.string("PT1H30M")]) == .duration(TimeSpan(milliseconds: 5_400_000)))
        #expect(try call("toDuration", [.integer(1520)]).rendered == "PT1.52S")
        #expect(try call("toDuration", [.string("P1M")]) == .null)
    }

    @Test(arguments: [
        (Value.decimal(3.9), Int64(3)), (.decimal(-3.9), -3), (.string("42"), 42), (.string("-7.8"), -7),
        (.boolean(true), 1), (.duration(TimeSpan(milliseconds: 1500)), 1500), (.integer(5), 5),
    ])
    func toInteger(_ value: Value, _ expected: Int64) throws {
        #expect(try call("toInteger", [value]) == .integer(expected))
    }

    @Test func toIntegerFailures() {
        #expect(errorCode { try call("toInteger", [.string("12abc")]) } == "ERR_EXPR_CONVERSION")
        #expect(errorCode { try call("toInteger", [.decimal(1e30)]) } == "ERR_EXPR_CONVERSION")
        #expect(errorCode { try call("toInteger", [.decimal(.nan)]) } == "ERR_EXPR_CONVERSION")
        #expect(resultType("toInteger", [.list(.integer)]) == nil)
    }

    @Test(arguments: [
        (Value.duration(TimeSpan(milliseconds: 1520)), "PT1.52S"),
        (.integer(-3), "-3"), (.decimal(2), "2.0"), (.boolean(false), "false"),
        (.dateOnly(LocalDate(year: 2021, month: 2, day: 19)), "2021-02-19"),
        (dateTime("2021-02-19T10:00:00Z"), "2021-02-19T10:00:00Z"),
        (strings("a", "b"), #"["a","b"]"#), (.string("x"), "x"),
    ])
    func toStringRendersISO(_ value: Value, _ expected: String) throws {
        #expect(try call("toString", [value]) == .string(expected))
    }
}
