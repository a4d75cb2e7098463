import Testing
@testable import WaymarkCore

@Suite struct CommonValueTests {
    @Test(arguments: [
        ("PT1H", 3_600_000 as Int64, "PT1H"), ("P30D", 2_592_000_000, "P30D"), ("PT90M", 5_400_000, "PT1H30M"),
        ("P1DT2H3M4S", 93_784_000, "P1DT2H3M4S"), ("PT0.5S", 500, "PT0.5S"), ("PT0S", 0, "PT0S"), ("-PT5M", -300_000, "-PT5M"),
        ("P1W", 604_800_000, "P7D"), ("PT1.25S", 1_250, "PT1.25S"),
    ])
    func isoDurationParsesAndRenders(text: String, milliseconds: Int64, canonical: String) throws {
        let duration = try #require(ISODuration(text))
        #expect(duration.milliseconds == milliseconds)
        #expect(duration.description == canonical)
        #expect(ISODuration(canonical) == duration)
    }

    @Test(arguments: ["", "P", "PT", "1H", "P1M", "P1Y", "PT1D", "P1H", "PTxS", "P1DT"])
    func isoDurationRejects(text: String) {
        #expect(ISODuration(text) == nil)
    }

    @Test func journeyVersionParsesAndOrders() throws {
        #expect(JourneyVersion("1.0") == JourneyVersion(major: 1, minor: 0))
        #expect(JourneyVersion("12.3")?.description == "12.3")
        #expect(JourneyVersion("1") == nil)
        #expect(JourneyVersion("1.x") == nil)
        #expect(JourneyVersion("1.0.0") == nil)
        #expect(JourneyVersion("-1.0") == nil)
        #expect(try #require(JourneyVersion("1.10")) > JourneyVersion(major: 1, minor: 9))
        #expect(JourneyVersion.initial.nextMajor == JourneyVersion(major: 2, minor: 0))
    }

    @Test func timeOfDayParses() {
        #expect(TimeOfDay("09:30")?.minuteOfDay == 570)
        #expect(TimeOfDay("24:00") == nil)
        #expect(TimeOfDay("9:30") == nil)
        #expect(TimeOfDay(hour: 7, minute: 5)?.description == "07:05")
    }

    @Test func timestampParsesOffsetsAndRendersUTC() throws {
        let paris = try #require(Timestamp("2026-12-01T10:00:00+01:00"))
        #expect(paris.description == "2026-12-01T09:00:00Z")
        #expect(Timestamp("2026-12-01T09:00:00.250Z") != nil)
        #expect(Timestamp("2026-12-01") == nil)
    }

    @Test func eventNamesFollowTheRule() {
        #expect(EventConfig.isValidName("cart_abandoned_2"))
        #expect(!EventConfig.isValidName("cart-abandoned"))
        #expect(!EventConfig.isValidName(""))
        #expect(!EventConfig.isValidName(String(repeating: "a", count: 31)))
        #expect(EventConfig.isValidName(String(repeating: "a", count: 30)))
        #expect(!EventConfig.isValidName("café"))
    }

    @Test func defaultKeyUsesPrimaryIdentityElseIdentityMap() {
        #expect(Fixtures.signup.effectiveKeyExpression == "@event{signup.email}")
        #expect(Fixtures.crmEvent.effectiveKeyExpression == "@event{crm_update.identityMap.entry('CRM').first().id}")
        var keyed = Fixtures.signup
        keyed.key = "lower(@event{signup.email})"
        #expect(keyed.effectiveKeyExpression == "lower(@event{signup.email})")
    }

    @Test func redactionReplacesEverySecret() {
        let custom = Authentication.custom(CustomAuthentication(
            endpoint: "https://a", body: [AuthenticationField(name: "id", value: "me"), AuthenticationField(name: "s", value: "hush", secret: true)]))
        let cases: [Authentication] = [.basic(username: "u", password: "p"), .apiKey(name: "k", value: "v", location: .header), custom]
        for auth in cases {
            #expect(auth.hasSecrets)
            let redacted = auth.redacted()
            #expect(redacted != auth)
            #expect(redacted.redacted() == redacted)
        }
        #expect(Authentication.basic(username: "u", password: "p").redacted() == .basic(username: "u", password: Authentication.redactedSecret))
        guard case .custom(let redacted) = custom.redacted() else { Issue.record("kind changed"); return }
        #expect(redacted.body.map(\.value) == ["me", Authentication.redactedSecret])
        #expect(!Authentication.none.hasSecrets)
        let document = ConfigDocument.action(Fixtures.coupon).redacted()
        #expect(document == .action(Fixtures.coupon))
    }

    @Test func configurationLooksUp() {
        let configuration = Fixtures.configuration
        #expect(configuration.event(named: "signup") == Fixtures.signup)
        #expect(configuration.event(id: "evt-2") == Fixtures.crmEvent)
        #expect(configuration.action(named: "Coupon") == Fixtures.coupon)
        #expect(configuration.dataSource(named: "Loyalty") == Fixtures.loyalty)
        #expect(configuration.dataSource(named: "ExperiencePlatform")?.fieldGroup(named: "ProfileFieldGroup") != nil)
        #expect(configuration.journey(id: "other") == Fixtures.otherJourney)
        #expect(configuration.event(named: "nope") == nil)
        var v2 = Fixtures.otherJourney
        v2.version = JourneyVersion(major: 2)
        let versions = Configuration(journeys: [v2, Fixtures.otherJourney])
        #expect(versions.journey(id: "other")?.version == JourneyVersion(major: 2))
        #expect(versions.versions(ofJourney: "other").map(\.version.major) == [1, 2])
        #expect(Configuration(journeys: [Fixtures.validJourney]).journeysUsing(event: "signup").map(\.id) == ["welcome"])
        #expect(Configuration(journeys: [Fixtures.validJourney]).journeysUsing(action: "WelcomeEmail").map(\.id) == ["welcome"])
    }
}
