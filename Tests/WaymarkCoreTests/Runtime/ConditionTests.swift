import Testing
@testable import WaymarkCore

@Suite struct RuntimeConditionTests {
    typealias F = RuntimeFixtures

    /// start → condition node `check` with the given rule and transitions to end nodes named after them.
    static func conditionJourney(_ condition: Condition, _ transitions: [Transition], properties: JourneyProperties = JourneyProperties()) -> Journey {
        var nodes = [
            F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("check")]),
            F.node("check", 100, .condition(condition), transitions),
        ]
        for (index, target) in Set(transitions.map(\.target)).sorted().enumerated() {
            nodes.append(F.node(target, 200, .end, y: Double(index) * 100))
        }
        return F.journey(nodes, properties: properties)
    }

    static let dataSource = conditionJourney(
        .dataSource([
            ConditionPath(label: "Gold", expression: "#{ExperiencePlatform.ProfileFieldGroup.loyalty.tier} == \"gold\""),
            ConditionPath(label: "VIP", expression: "inAudience(\"vip\")"),
            ConditionPath(label: "Ada", expression: "@journey{profileId} == \"ada@example.com\" and @event{signed_up.plan} == \"pro\""),
        ]),
        [Transition(.path("Gold"), to: "gold"), Transition(.path("VIP"), to: "vip"), Transition(.path("Ada"), to: "ada"),
         Transition(.otherCases, to: "other")])

    static func gold(_ tier: String) -> RuntimeProfile {
        RuntimeProfile(attributes: .object(OrderedFields([
            ("ProfileFieldGroup", .object(OrderedFields([("loyalty", .object(OrderedFields([("tier", .string(tier))])))]))),
        ])))
    }

    @Test func theFirstTruePathWinsOverProfileAudiencesEventAndJourneyProperties() throws {
        let journey = try F.runnable(Self.dataSource)
        let both = F.context(profile: Self.gold("gold"), audiences: ["vip"])
        #expect(try F.enter(journey, context: both).1.path == ["start:transitions", "check:transitions", "gold:ended"])
        let vip = F.context(profile: Self.gold("silver"), audiences: ["vip"])
        #expect(try F.enter(journey, context: vip).1.path == ["start:transitions", "check:transitions", "vip:ended"])
        #expect(try F.enter(journey).1.path == ["start:transitions", "check:transitions", "ada:ended"])
        #expect(try F.enter(journey, F.signUp("free")).1.path == ["start:transitions", "check:transitions", "other:ended"])
    }

    @Test func theStepOfAChosenPathNamesTheTransition() throws {
        let (_, effects) = try F.enter(try F.runnable(Self.dataSource), context: F.context(audiences: ["vip"]))
        let last = try #require(effects.steps.last)
        #expect(last.parentStepName == "Check")
        #expect(last.parentTransitionName == "VIP")
        #expect(last.parentTransitionID == "check#1")
    }

    @Test func anExpressionErrorEndsTheInstanceInError() throws {
        let failing = Condition.dataSource([ConditionPath(label: "N", expression: "toInteger(@event{signed_up.plan}) > 1")])
        let journey = try F.runnable(Self.conditionJourney(failing, [Transition(.path("N"), to: "n")]))
        let (instance, effects) = try F.enter(journey)
        #expect(effects.path == ["start:transitions", "check:error"])
        #expect(effects.steps.last?.instanceEnded == true)
        #expect(instance.endStatus == .error)
        #expect(instance.errorInfo.lastNodeIDInError == "check")
        #expect(instance.errorInfo.lastErrorCode?.hasPrefix("ERR_") == true)
    }

    static let timeCondition = TimeCondition(zone: .profile, paths: [
        TimePath(label: "Night", from: TimeOfDay(hour: 22), to: TimeOfDay(hour: 6)),
        TimePath(label: "Weekend", days: [.saturday, .sunday]),
        TimePath(label: "Office", from: TimeOfDay(hour: 9), to: TimeOfDay(hour: 17), days: [.monday, .tuesday]),
    ])

    static let timeJourney = conditionJourney(
        .time(timeCondition),
        [Transition(.path("Night"), to: "night"), Transition(.path("Weekend"), to: "weekend"),
         Transition(.path("Office"), to: "office"), Transition(.otherCases, to: "other")],
        properties: JourneyProperties(timeZone: .fixed("Europe/Paris")))

    /// (hours after Monday 10:00 UTC, profile zone, expected end node)
    @Test(arguments: [
        (0, nil, "office"),            // Monday 11:00 Paris
        (0, "Asia/Tokyo", "other"),    // Monday 19:00 Tokyo
        (0, "Pacific/Honolulu", "night"), // Monday 00:00 Honolulu
        (13, nil, "night"),            // Tuesday 00:00 Paris (crosses midnight)
        (24 * 5, nil, "weekend"),      // Saturday 11:00 Paris
        (24 * 2, nil, "other"),        // Wednesday 11:00 Paris
    ] as [(Int64, String?, String)])
    func timeConditionsReadTheProfileZoneWithTheJourneyZoneAsFallback(hours: Int64, zone: String?, expected: String) throws {
        let context = F.context(F.t0 + hours * F.hour, profile: RuntimeProfile(timeZone: zone))
        let (_, effects) = try F.enter(try F.runnable(Self.timeJourney), F.signUp(), context: context)
        #expect(effects.steps.last?.nodeID == expected)
    }

    @Test func dateConditionsTakeTheFirstPeriodContainingNow() throws {
        let journey = try F.runnable(Self.conditionJourney(
            .date([
                DatePath(label: "Black Friday", periods: [DatePeriod(from: Timestamp("2026-11-27T00:00:00Z")!, to: Timestamp("2026-11-28T00:00:00Z")!)]),
                DatePath(label: "November", periods: [DatePeriod(from: Timestamp("2026-11-01T00:00:00Z")!, to: Timestamp("2026-12-01T00:00:00Z")!)]),
            ]),
            [Transition(.path("Black Friday"), to: "bf"), Transition(.path("November"), to: "nov")]))
        #expect(try F.enter(journey).1.steps.last?.nodeID == "nov")
        #expect(try F.enter(journey, context: F.context(F.t0 + 4 * F.day)).1.steps.last?.nodeID == "bf")
        // No period and no other path: the person ends at the condition.
        #expect(try F.enter(journey, context: F.context(F.t0 + 30 * F.day)).1.path == ["start:transitions", "check:ended"])
    }

    static let split = conditionJourney(
        .percentage([PercentagePath(label: "A", percentage: 30), PercentagePath(label: "B", percentage: 70)]),
        [Transition(.path("A"), to: "a"), Transition(.path("B"), to: "b")])

    @Test func percentageSplitsAreDeterministicAndFollowThePercentages() throws {
        let journey = try F.runnable(Self.split)
        var counts: [String: Int] = [:]
        for index in 0..<1_000 {
            let (_, effects) = try F.enter(journey, F.signUp(id: "evt-\(index)"))
            counts[effects.steps.last?.nodeID ?? "?", default: 0] += 1
            let (_, again) = try F.enter(journey, F.signUp(id: "evt-\(index)"))
            #expect(again.steps.last?.nodeID == effects.steps.last?.nodeID)
        }
        #expect((240...360).contains(counts["a"] ?? 0), "\(counts)")
        #expect(counts["a", default: 0] + counts["b", default: 0] == 1_000)
    }

    @Test func testModeAlwaysTakesTheFirstSplitPath() throws {
        var definition = Self.split
        definition.status = .draftTest
        let journey = try F.runnable(definition)
        for index in 0..<50 {
            let (_, effects) = try F.enter(journey, F.signUp(id: "evt-\(index)"), context: F.context(profile: RuntimeProfile(isTestProfile: true)))
            #expect(effects.steps.last?.nodeID == "a")
        }
    }

    static let cap = conditionJourney(.profileCap(2), [F.next("first"), Transition(.otherCases, to: "rest")])

    @Test func aProfileCapLetsTheFirstNThroughAndCountsThem() throws {
        let journey = try F.runnable(Self.cap)
        let counter = journey.profileCapCounter(nodeID: "check")
        let (_, under) = try F.enter(journey, context: F.context(counters: [counter: 1]))
        #expect(under.steps.last?.nodeID == "first")
        #expect(under.contains(.incrementCounter(name: counter, by: 1)))
        let (_, over) = try F.enter(journey, context: F.context(counters: [counter: 2]))
        #expect(over.steps.last?.nodeID == "rest")
        #expect(!over.contains { if case .incrementCounter = $0 { true } else { false } })
    }

    @Test func testModeIgnoresTheProfileCap() throws {
        var definition = Self.cap
        definition.status = .draftTest
        let journey = try F.runnable(definition)
        let counter = journey.profileCapCounter(nodeID: "check")
        let context = F.context(profile: RuntimeProfile(isTestProfile: true), counters: [counter: 99])
        let (_, effects) = try F.enter(journey, context: context)
        #expect(effects.steps.last?.nodeID == "first")
        #expect(!effects.contains { if case .incrementCounter = $0 { true } else { false } })
    }
}
