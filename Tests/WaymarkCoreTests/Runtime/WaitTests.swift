import Testing
@testable import WaymarkCore

@Suite struct RuntimeWaitTests {
    typealias F = RuntimeFixtures

    static func waitJourney(_ wait: Wait, properties: JourneyProperties = JourneyProperties()) -> Journey {
        F.journey([
            F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("wait")]),
            F.node("wait", 100, .wait(wait), [F.next("end")]),
            F.node("end", 200, .end),
        ], properties: properties)
    }

    @Test func aDurationWaitEndsWhenItsTimerFires() throws {
        let journey = try F.runnable(Self.waitJourney(.duration(.hours(2))))
        var (instance, effects) = try F.enter(journey)
        let timer = try #require(effects.timer(for: "wait"))
        #expect(timer.dueAt == F.t0 + 2 * F.hour)
        let fired = instance.fire(timer, in: journey, context: F.context(timer.dueAt))
        #expect(fired.path == ["wait:transitions", "end:ended"])
        let wait = try #require(fired.steps.first)
        #expect(wait.eventID == "scheduledNotificationReceived")
        #expect(wait.stepType == "Timer")
        #expect(wait.processingTime == 2 * F.hour)
        #expect(wait.parentStepID == effects.steps.last?.stepID)
        #expect(fired.ended == .ended)
        #expect(fired.cancelled == [instance.globalTimerID])
        #expect(!instance.isActive)
    }

    @Test func aFixedDateWaitsUntilTheDateAndAPastDateGoesOnAtOnce() throws {
        let date = Timestamp("2026-12-01T09:00:00Z")!
        let journey = try F.runnable(Self.waitJourney(.fixedDate(date)))
        #expect(try F.enter(journey).1.timer(for: "wait")?.dueAt == date.milliseconds)
        let (_, late) = try F.enter(journey, context: F.context(date.milliseconds + 1))
        #expect(late.path == ["start:transitions", "wait:transitions", "end:ended"])
    }

    @Test func aCustomWaitReadsADateTimeOrALocalDateTimeInTheJourneyZone() throws {
        let journey = try F.runnable(Self.waitJourney(.custom(expression: "@event{signed_up.trialEnds}")))
        let (_, effects) = try F.enter(journey, F.signUp(extra: [("trialEnds", .string("2026-11-25T08:30:00+01:00"))]))
        #expect(effects.timer(for: "wait")?.dueAt == Timestamp("2026-11-25T07:30:00Z")!.milliseconds)

        let paris = JourneyProperties(timeZone: .fixed("Europe/Paris"))
        let local = try F.runnable(Self.waitJourney(.custom(expression: "@event{signed_up.localTime}"), properties: paris))
        let (_, localEffects) = try F.enter(local, F.signUp(extra: [("localTime", .string("2026-11-25T08:30:00"))]))
        #expect(localEffects.timer(for: "wait")?.dueAt == Timestamp("2026-11-25T07:30:00Z")!.milliseconds)

        let relative = try F.runnable(Self.waitJourney(.custom(expression: "nowWithDelta(3, \"hours\")")))
        #expect(try F.enter(relative).1.timer(for: "wait")?.dueAt == F.t0 + 3 * F.hour)
    }

    @Test func aCustomWaitWithoutADateEndsInError() throws {
        let journey = try F.runnable(Self.waitJourney(.custom(expression: "@event{signed_up.trialEnds}")))
        let (instance, effects) = try F.enter(journey)
        #expect(effects.path == ["start:transitions", "wait:error"])
        #expect(instance.endStatus == .error)
        #expect(instance.errorInfo.lastErrorCode == "waitDateMissing")
    }

    @Test func aWaitEndingAfterTheGlobalTimeoutIsNotEntered() throws {
        let short = JourneyProperties(globalTimeout: .days(1))
        let journey = try F.runnable(Self.waitJourney(.custom(expression: "nowWithDelta(25, \"hours\")"), properties: short))
        let (instance, effects) = try F.enter(journey)
        #expect(effects.path == ["start:transitions", "wait:instanceTimedout"])
        #expect(effects.steps.last?.instanceEnded == true)
        #expect(effects.timers.count == 1)
        #expect(effects.cancelled == [instance.globalTimerID])
        #expect(instance.endStatus == .instanceTimedout)
    }

    static let purchaseWithin = F.journey([
        F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("bought")]),
        F.node("bought", 100, .event(EventActivity(event: "purchased", timeout: .hours(24))),
               [F.next("thanks"), Transition(.timeout, to: "nudge")]),
        F.node("thanks", 200, .end),
        F.node("nudge", 200, .end, y: 100),
    ])

    @Test func anEventArrivingInTimeTakesTheNextPathAndCancelsTheTimeout() throws {
        let journey = try F.runnable(Self.purchaseWithin)
        var (instance, effects) = try F.enter(journey)
        let timeout = try #require(effects.timer(for: "bought"))
        #expect(timeout.payload.purpose == .eventTimeout)
        #expect(instance.isWaiting(forEvent: "purchased", in: journey))
        #expect(instance.handle(.event(F.event("cancelled", id: "c1")), in: journey, context: F.context()).isEmpty)
        let later = F.context(F.t0 + F.hour)
        let arrived = instance.handle(.event(F.event("purchased", id: "p1")), in: journey, context: later)
        #expect(arrived.path == ["bought:transitions", "thanks:ended"])
        #expect(arrived.steps.first?.eventID == "p1")
        #expect(arrived.steps.first?.processingTime == F.hour)
        #expect(Set(arrived.cancelled) == [timeout.id, instance.globalTimerID])
        // The timeout firing late changes nothing.
        #expect(instance.fire(timeout, in: journey, context: F.context(timeout.dueAt)).isEmpty)
    }

    @Test func theEventTimeoutTakesTheTimeoutPathOrEndsThere() throws {
        let journey = try F.runnable(Self.purchaseWithin)
        var (instance, effects) = try F.enter(journey)
        let timeout = try #require(effects.timer(for: "bought"))
        let fired = instance.fire(timeout, in: journey, context: F.context(timeout.dueAt))
        #expect(fired.path == ["bought:transitions", "nudge:ended"])
        #expect(fired.steps.first?.parentTransitionName == nil || fired.steps.first?.parentTransitionName == "next")
        #expect(fired.steps.last?.parentTransitionName == "timeout")

        var noPath = Self.purchaseWithin
        noPath.nodes[1].transitions = [F.next("thanks")]
        noPath.nodes.removeLast()
        let bare = try F.runnable(noPath)
        var (waiting, bareEffects) = try F.enter(bare)
        let bareTimeout = try #require(bareEffects.timer(for: "bought"))
        let ended = waiting.fire(bareTimeout, in: bare, context: F.context(bareTimeout.dueAt))
        #expect(ended.path == ["bought:ended"])
        #expect(ended.steps.first?.instanceEnded == true)
        #expect(!waiting.isActive)
    }

    static let parallel = F.journey([
        F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("bought"), F.next("pause")]),
        F.node("bought", 100, .event(EventActivity(event: "purchased")), [F.next("thanks")]),
        F.node("pause", 100, .wait(.duration(.days(2))), [F.next("remind")], y: 100),
        F.node("thanks", 200, .end),
        F.node("remind", 200, .end, y: 100),
    ])

    @Test func parallelWaitsLetTheFirstWin() throws {
        let journey = try F.runnable(Self.parallel)
        let (start, effects) = try F.enter(journey)
        #expect(start.waits.map(\.nodeID) == ["bought", "pause"])
        let pause = try #require(effects.timer(for: "pause"))

        var eventFirst = start
        let arrived = eventFirst.handle(.event(F.event("purchased", id: "p1")), in: journey, context: F.context(F.t0 + F.hour))
        #expect(arrived.path == ["bought:transitions", "thanks:ended"])
        #expect(arrived.cancelled.contains(pause.id))
        #expect(eventFirst.fire(pause, in: journey, context: F.context(pause.dueAt)).isEmpty)

        var timerFirst = start
        let fired = timerFirst.fire(pause, in: journey, context: F.context(pause.dueAt))
        #expect(fired.path == ["pause:transitions", "remind:ended"])
        #expect(!fired.cancelled.contains(pause.id))
        #expect(timerFirst.handle(.event(F.event("purchased", id: "p2")), in: journey, context: F.context()).isEmpty)
    }

    @Test func testModeShortensEventTimeouts() throws {
        var definition = Self.purchaseWithin
        definition.status = .draftTest
        let journey = try F.runnable(definition)
        let context = RuntimeContext(now: F.t0, profile: RuntimeProfile(isTestProfile: true), testDuration: 5_000)
        let (_, effects) = try F.enter(journey, context: context)
        #expect(effects.timer(for: "bought")?.dueAt == F.t0 + 5_000)
    }
}
