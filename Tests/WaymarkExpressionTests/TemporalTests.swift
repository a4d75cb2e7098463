import Testing
@testable import WaymarkExpression

@Suite struct TemporalTests {
    @Test(arguments: ["2021-02-19", "0001-01-01", "2024-02-29", "9999-12-31"])
    func dateRoundTrips(_ text: String) throws {
        let date = try #require(LocalDate(iso8601: text))
        #expect(date.iso8601 == text)
        #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
    }

    @Test(arguments: ["2021-02-30", "2021-13-01", "2021-2-19", "2021-02-19T10:00:00", "", "abcd-ef-gh", "2023-02-29"])
    func malformedDatesAreRefused(_ text: String) {
        #expect(LocalDate(iso8601: text) == nil)
    }

    @Test func epochDays() {
        #expect(LocalDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(LocalDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11017)
        #expect(LocalDate(year: 1969, month: 12, day: 31).daysSinceEpoch == -1)
        #expect(LocalDate(daysSinceEpoch: -719_468) == LocalDate(year: 0, month: 3, day: 1))
    }

    @Test func dateTimeOnlyParsesAndRendersMilliseconds() throws {
        let value = try #require(LocalDateTime(iso8601: "2021-02-19T10:00:00.5"))
        #expect(value.millisecondOfDay == 36_000_500)
        #expect(value.iso8601 == "2021-02-19T10:00:00.500")
        #expect(LocalDateTime(iso8601: "2021-02-19T10:00:00")?.iso8601 == "2021-02-19T10:00:00")
        #expect(LocalDateTime(iso8601: "2021-02-19T10:00")?.iso8601 == "2021-02-19T10:00:00")
        #expect(LocalDateTime(iso8601: "2021-02-19T24:00:00") == nil)
        #expect(LocalDateTime(iso8601: "2021-02-19T10:00:00Z") == nil)
    }

    @Test(arguments: [
        ("2021-02-19T10:00:00Z", Int64(1_613_728_800_000), "2021-02-19T10:00:00Z"),
        ("2021-02-19T11:00:00+01:00", 1_613_728_800_000, "2021-02-19T11:00:00+01:00"),
        ("2021-02-19T11:00:00.250+0100", 1_613_728_800_250, "2021-02-19T11:00:00.250+01:00"),
        ("2021-02-19T04:30:00-05:30", 1_613_728_800_000, "2021-02-19T04:30:00-05:30"),
        ("2021-02-19T11:00:00+01:00[Europe/Paris]", 1_613_728_800_000, "2021-02-19T11:00:00+01:00"),
        ("2021-07-19T12:00:00[Europe/Paris]", 1_626_688_800_000, "2021-07-19T12:00:00+02:00"),
    ])
    func zonedDateTimeParsing(_ text: String, _ epoch: Int64, _ rendered: String) throws {
        let value = try #require(ZonedDateTime(iso8601: text))
        #expect(value.epochMilliseconds == epoch)
        #expect(value.iso8601 == rendered)
    }

    @Test(arguments: ["2021-02-19T10:00:00", "2021-02-19T10:00:00+25:00", "2021-02-19T10:00:00Z[Mars/Olympus]", "2021-02-19", "x"])
    func malformedZonedDateTimes(_ text: String) {
        #expect(ZonedDateTime(iso8601: text) == nil)
    }

    @Test func zoneIdentifiers() {
        #expect(Zone(identifier: "Z") == .utc)
        #expect(Zone(identifier: "+01:00") == .offset(seconds: 3600))
        #expect(Zone(identifier: "-0530") == .offset(seconds: -19800))
        #expect(Zone(identifier: "Europe/Paris") == .region("Europe/Paris"))
        #expect(Zone(identifier: "UTC") == .region("UTC"))
        #expect(Zone(identifier: "Europe/Atlantis") == nil)
        #expect(Zone(identifier: "") == nil)
        #expect(Zone.offset(seconds: -19800).identifier == "-05:30")
    }

    @Test func daylightSavingGapAndOverlapFollowJavaTime() throws {
        let paris = Zone.region("Europe/Paris")
        // 2021-03-28 02:30 does not exist in Paris: moved forward by the gap to 03:30+02:00.
        let gapLocal = try #require(LocalDateTime(iso8601: "2021-03-28T02:30:00"))
        let gap = try #require(ZonedDateTime(local: gapLocal, zone: paris))
        #expect(gap.iso8601 == "2021-03-28T03:30:00+02:00")
        // 2021-10-31 02:30 happens twice: the earlier instant (+02:00) wins.
        let overlapLocal = try #require(LocalDateTime(iso8601: "2021-10-31T02:30:00"))
        let overlap = try #require(ZonedDateTime(local: overlapLocal, zone: paris))
        #expect(overlap.iso8601 == "2021-10-31T02:30:00+02:00")
        // Adding a day across the change keeps the local time; adding 24 hours does not.
        let before = try #require(ZonedDateTime(iso8601: "2021-03-27T12:00:00+01:00[Europe/Paris]"))
        #expect(before.adding(1, .days)?.iso8601 == "2021-03-28T12:00:00+02:00")
        #expect(before.adding(24, .hours)?.iso8601 == "2021-03-28T13:00:00+02:00")
    }

    @Test(arguments: [
        ("2021-01-31", Int64(1), "2021-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2021-03-31", -1, "2021-02-28"),
        ("2021-12-15", 1, "2022-01-15"),
        ("2021-01-15", -13, "2019-12-15"),
    ])
    func addingMonthsClampsMonthEnds(_ start: String, _ months: Int64, _ expected: String) throws {
        #expect(try #require(LocalDate(iso8601: start)).adding(months: months)?.iso8601 == expected)
    }

    @Test func addingYearsFromLeapDay() throws {
        #expect(try #require(LocalDate(iso8601: "2024-02-29")).adding(years: 1)?.iso8601 == "2025-02-28")
        #expect(LocalDate(year: 2021, month: 1, day: 1).adding(years: .max) == nil)
        #expect(LocalDate(year: 2021, month: 1, day: 1).adding(days: .max) == nil)
    }

    @Test func unvalidatedFieldsNeitherCrashNorOverflow() {
        let odd = LocalDateTime(date: LocalDate(year: .max, month: .min, day: .max), millisecondOfDay: -5)
        #expect(odd.date.daysSinceEpoch == LocalDate(year: 999_999, month: 1, day: 31).daysSinceEpoch)
        #expect(odd.iso8601.hasSuffix("T00:00:00"))
        #expect(LocalDate(year: 12, month: 3, day: 4).iso8601 == "0012-03-04")
        #expect(LocalDate(year: -44, month: 3, day: 15).iso8601 == "-44-03-15")
    }

    @Test(arguments: [
        ("PT1H30M", Int64(5_400_000), "PT1H30M"),
        ("P2DT3H", 183_600_000, "PT51H"),
        ("PT1.52S", 1520, "PT1.52S"),
        ("-PT5M", -300_000, "PT-5M"),
        ("PT-5M", -300_000, "PT-5M"),
        ("P1D", 86_400_000, "PT24H"),
        ("PT0S", 0, "PT0S"),
        ("PT0.001S", 1, "PT0.001S"),
        ("PT-1.5S", -1500, "PT-1.5S"),
        ("PT36H", 129_600_000, "PT36H"),
    ])
    func durations(_ text: String, _ milliseconds: Int64, _ rendered: String) throws {
        let span = try #require(TimeSpan(iso8601: text))
        #expect(span.milliseconds == milliseconds)
        #expect(span.iso8601 == rendered)
    }

    @Test(arguments: ["P1Y", "P1M", "P1W", "PT", "P", "", "PT1.5H", "PT1S2M", "1H", "PT99999999999999999H", "P1DT"])
    func malformedDurations(_ text: String) {
        #expect(TimeSpan(iso8601: text) == nil)
    }
}
