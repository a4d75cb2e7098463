import Testing
@testable import WaymarkCore

@Suite struct RuntimeEntryTests {
    typealias F = RuntimeFixtures

    @Test func w1EntersPassesTheConditionAndWaitsOneHour() throws {
        let journey = try F.runnable(F.w1)
        let (instance, effects) = try F.enter(journey)
        #expect(effects.path == ["start:transitions", "pro:transitions"])
        #expect(instance.isActive)
        #expect(instance.waits.map(\.nodeID) == ["wait"])
        let wait = try #require(effects.timer(for: "wait"))
        #expect(wait.dueAt == F.t0 + F.hour)
        #expect(wait.payload.purpose == .waitEnd)
        let global = try #require(effects.timers.first { $0.payload.purpose == .globalTimeout })
        #expect(global.id == instance.globalTimerID)
        #expect(global.dueAt == F.t0 + 30 * F.day)
        #expect(instance.outstandingTimerIDs == [instance.globalTimerID, wait.id])
        // Only the fields later expressions read are kept: the action maps email, firstName and plan.
        #expect(instance.events["signed_up"] == .object(OrderedFields([
            ("email", .string(F.person.id)), ("plan", .string("pro")), ("firstName", .string("Ada")),
        ])))
    }

    @Test func noMatchingPathEndsTheInstanceAtTheCondition() throws {
        let journey = try F.runnable(F.w1)
        let (instance, effects) = try F.enter(journey, F.signUp("free"))
        #expect(effects.path == ["start:transitions", "pro:ended"])
        #expect(effects.steps.last?.instanceEnded == true)
        #expect(effects.ended == .ended)
        #expect(!instance.isActive)
        #expect(effects.cancelled == [instance.globalTimerID])
    }

    @Test func otherEventsDoNotStartTheJourney() throws {
        let journey = try F.runnable(F.w1)
        #expect(F.refusal(journey, F.event("purchased", id: "p1")) == .noInterestedJourney)
    }

    @Test(arguments: [JourneyStatus.draft, .closed, .stopped, .finished])
    func onlyLiveAndTestVersionsAcceptEntrances(status: JourneyStatus) throws {
        let journey = try F.runnable(F.w1)
        #expect(F.refusal(journey, context: F.context(status: status)) == .journeyNotAcceptingEntrances)
        #expect(F.refusal(journey, context: F.context(status: .live)) == nil)
    }

    @Test func startAndEndDatesBoundEntrances() throws {
        var properties = JourneyProperties()
        properties.startDate = Timestamp("2026-11-24T00:00:00Z")
        properties.endDate = Timestamp("2026-11-30T00:00:00Z")
        var definition = F.w1
        definition.properties = properties
        let journey = try F.runnable(definition)
        #expect(F.refusal(journey, context: F.context(F.t0)) == .journeyNotAcceptingEntrances)
        #expect(F.refusal(journey, context: F.context(F.t0 + 2 * F.day)) == nil)
        #expect(F.refusal(journey, context: F.context(F.t0 + 7 * F.day)) == .journeyNotAcceptingEntrances)
        // The end date comes before the global timeout: the instance's global timer is the end date.
        let (_, effects) = try F.enter(journey, context: F.context(F.t0 + 2 * F.day))
        let global = try #require(effects.timers.first { $0.payload.purpose == .journeyEnd })
        #expect(global.dueAt == Timestamp("2026-11-30T00:00:00Z")!.milliseconds)
    }

    @Test func testModeAdmitsOnlyTestProfiles() throws {
        var definition = F.w1
        definition.status = .draftTest
        let journey = try F.runnable(definition)
        #expect(F.refusal(journey) == .notTestProfile)
        let tester = F.context(profile: RuntimeProfile(isTestProfile: true))
        let (instance, effects) = try F.enter(journey, context: tester)
        #expect(instance.inTest)
        #expect(effects.steps.allSatisfy { $0.inTest })
        // Waits last the test duration.
        #expect(effects.timer(for: "wait")?.dueAt == F.t0 + RuntimeContext.defaultTestDuration)
    }

    @Test func onePlacePerPersonPerJourneyAcrossVersions() throws {
        let journey = try F.runnable(F.w1)
        let active = PriorInstance(journeyVersionID: "j1-v0", isActive: true, enteredAt: F.t0 - F.day)
        #expect(F.refusal(journey, previous: [active]) == .reentranceNotAllowed)
    }

    @Test func reentranceRespectsTheRuleAndTheWaitPeriodFromTheLastExit() throws {
        let ended = PriorInstance(journeyVersionID: "j1-v1", isActive: false, enteredAt: F.t0 - F.hour, endedAt: F.t0 - 2 * F.minute)
        let journey = try F.runnable(F.w1)
        #expect(F.refusal(journey, previous: [ended]) == .reentranceTooSoon)
        let later = F.context(F.t0 + 3 * F.minute)
        #expect(F.refusal(journey, previous: [ended], context: later) == nil)
        let (instance, effects) = try F.enter(journey, previous: [ended], context: later)
        #expect(instance.isReentrance)
        #expect(effects.steps.first?.entrance == true)
        #expect(effects.steps.first?.reentrance == true)

        var closed = F.w1
        closed.properties.reentrance = Reentrance(allowed: false)
        #expect(F.refusal(try F.runnable(closed), previous: [ended], context: F.context(F.t0 + F.day)) == .reentranceNotAllowed)
    }

    @Test func theSameEventGivesTheSameInstanceAndStepIDs() throws {
        let journey = try F.runnable(F.w1)
        let (first, firstEffects) = try F.enter(journey)
        let (second, secondEffects) = try F.enter(journey)
        #expect(first == second)
        #expect(firstEffects == secondEffects)
        let (other, _) = try F.enter(journey, F.signUp(id: "evt-2"))
        #expect(other.instanceID != first.instanceID)
    }

    @Test func aJourneyWithValidationErrorsDoesNotBuild() throws {
        let broken = F.journey([
            F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("check")]),
            F.node("check", 100, .condition(.dataSource([ConditionPath(label: "A", expression: "@event{signed_up.nope} ==")])),
                   [Transition(.path("A"), to: "end")]),
            F.node("end", 200, .end),
        ])
        #expect {
            _ = try F.runnable(broken)
        } throws: { error in
            (error as? RuntimeError)?.code == .journeyInvalid && "\(error)".contains("check")
        }
    }
}

extension RuntimeEntryTests {
    @Test func fieldsReadOnlyBeforeTheFirstWaitAreNotKept() throws {
        let journey = try F.runnable(F.journey([
            F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("pro")]),
            F.node("pro", 100, .condition(.dataSource([ConditionPath(label: "Pro", expression: "@event{signed_up.plan} == \"pro\"")])),
                   [Transition(.path("Pro"), to: "wait")]),
            F.node("wait", 200, .wait(.duration(.hours(1))), [F.next("end")]),
            F.node("end", 300, .end),
        ]))
        let (instance, effects) = try F.enter(journey)
        #expect(effects.path == ["start:transitions", "pro:transitions"])
        #expect(instance.events.isEmpty)
    }
}

extension RuntimeEntryTests {
    @Test func instanceIdsStartWithTheEntryInstantSoTheyGrowWithTime() throws {
        let journey = try F.runnable(F.w1)
        let early = try F.enter(journey, F.signUp(id: "evt-early"), context: F.context(F.t0)).0.instanceID
        let late = try F.enter(journey, F.signUp(id: "evt-late"), context: F.context(F.t0 + 1)).0.instanceID
        let again = try F.enter(journey, F.signUp(id: "evt-early"), context: F.context(F.t0)).0.instanceID
        #expect(early.count == 32 && late.count == 32)
        #expect(early.hasPrefix(String(F.t0, radix: 16).leftPadded(to: 11)))
        #expect(early < late)
        #expect(again == early)  // the same event at the same instant: the same instance
        let other = try F.enter(journey, F.signUp(id: "evt-other"), context: F.context(F.t0)).0.instanceID
        #expect(other != early && other.prefix(11) == early.prefix(11))
    }
}

extension String {
    /// The string with zeros in front up to `length` characters.
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
