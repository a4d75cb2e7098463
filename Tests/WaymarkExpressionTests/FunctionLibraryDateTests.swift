import Testing
@testable import WaymarkExpression

@Suite struct FunctionLibraryDateTests {
    let clock = FixedEnvironment("2021-03-27T12:00:00+01:00[Europe/Paris]")

    @Test func nowReadsTheInjectedClock() throws {
        #expect(try call("now", [], environment: clock).rendered == "2021-03-27T12:00:00+01:00")
        #expect(try call("now", [.string("UTC")], environment: clock).rendered == "2021-03-27T11:00:00Z")
        #expect(try call("now", [.string("+05:30")], environment: clock).rendered == "2021-03-27T16:30:00+05:30")
        #expect(try call("currentTimeInMillis", [], environment: clock) == .integer(clock.now.epochMilliseconds))
        #expect(errorCode { try call("now", [.string("Nowhere/Land")]) } == "ERR_EXPR_INVALID_ARGUMENT")
    }

    @Test(arguments: [
        (Int64(1), "days", "2021-03-28T12:00:00+02:00"),
        (24, "hours", "2021-03-28T13:00:00+02:00"),
        (-1, "months", "2021-02-27T12:00:00+01:00"),
        (2, "years", "2023-03-27T12:00:00+02:00"),
        (90, "minutes", "2021-03-27T13:30:00+01:00"),
        (-30, "seconds", "2021-03-27T11:59:30+01:00"),
    ])
    func nowWithDeltaAcrossDaylightSaving(_ delta: Int64, _ part: String, _ expected: String) throws {
        #expect(try call("nowWithDelta", [.integer(delta), .string(part)], environment: clock).rendered == expected)
    }

    @Test func nowWithDeltaInAZoneAndErrors() throws {
        let clock = FixedEnvironment("2021-01-31T10:00:00Z")
        #expect(try call("nowWithDelta", [.integer(1), .string("months"), .string("Asia/Tokyo")], environment: clock).rendered
            == "2021-02-28T19:00:00+09:00")
        #expect(errorCode { try call("nowWithDelta", [.integer(1), .string("weeks")]) } == "ERR_EXPR_INVALID_ARGUMENT")
        #expect(errorCode { try call("nowWithDelta", [.integer(.max), .string("years")]) } == "ERR_EXPR_OVERFLOW")
        #expect(errorCode { try call("nowWithDelta", [.integer(1), .string("days"), .string("Bad/Zone")]) } == "ERR_EXPR_INVALID_ARGUMENT")
    }

    @Test(arguments: [
        ("inLastDays", "2021-03-20T12:00:00+01:00", Int64(7), true),
        ("inLastDays", "2021-03-20T11:59:59+01:00", 7, false),
        ("inLastDays", "2021-03-27T12:00:01+01:00", 7, false),
        ("inLastHours", "2021-03-27T10:30:00+01:00", 2, true),
        ("inLastMonths", "2021-01-28T00:00:00Z", 2, true),
        ("inLastMonths", "2021-01-27T00:00:00Z", 2, false),
        ("inLastYears", "2020-03-27T12:00:00+01:00", 1, true),
        ("inNextDays", "2021-03-28T12:00:00+02:00", 1, true),
        ("inNextDays", "2021-03-28T12:30:00+02:00", 1, false),
        ("inNextHours", "2021-03-27T12:59:00+01:00", 1, true),
        ("inNextMonths", "2021-04-27T12:00:00+02:00", 1, true),
        ("inNextYears", "2021-03-26T12:00:00+01:00", 1, false),
    ])
    func windowsAroundNow(_ name: String, _ instant: String, _ amount: Int64, _ expected: Bool) throws {
        #expect(try call(name, [dateTime(instant), .integer(amount)], environment: clock) == .boolean(expected))
    }

    @Test func settersKeepTheOtherFields() throws {
        let paris = dateTime("2021-03-28T12:34:56+02:00[Europe/Paris]")
        #expect(try call("setHours", [paris, .integer(1)]).rendered == "2021-03-28T01:34:56+01:00")
        #expect(try call("setDays", [paris, .integer(1)]).rendered == "2021-03-01T12:34:56+01:00")
        let local = Value.dateTimeOnly(LocalDateTime(iso8601: "2021-02-19T10:15:00")!)
        #expect(try call("setHours", [local, .integer(23)]).rendered == "2021-02-19T23:15:00")
        #expect(try call("setDays", [local, .integer(28)]).rendered == "2021-02-28T10:15:00")
        #expect(resultType("setHours", [.dateTimeOnly, .integer]) == .dateTimeOnly)
        #expect(resultType("setDays", [.dateOnly, .integer]) == nil)
        #expect(errorCode { try call("setHours", [local, .integer(24)]) } == "ERR_EXPR_INVALID_ARGUMENT")
        #expect(errorCode { try call("setDays", [local, .integer(29)]) } == "ERR_EXPR_INVALID_ARGUMENT")
        #expect(try call("setDays", [.null, .integer(3)], types: [.dateTime, .integer]) == .null)
    }

    @Test func updateTimeZoneKeepsTheInstant() throws {
        let utc = dateTime("2021-07-01T10:00:00Z")
        let moved = try call("updateTimeZone", [utc, .string("America/Los_Angeles")])
        #expect(moved.rendered == "2021-07-01T03:00:00-07:00")
        #expect(moved == utc)
        #expect(errorCode { try call("updateTimeZone", [utc, .string("PST8PDT-nope")]) } == "ERR_EXPR_INVALID_ARGUMENT")
    }
}
