import Testing
@testable import WaymarkCore

@Suite struct RuntimeLifecycleTests {
    typealias F = RuntimeFixtures

    static let waitingForPurchase = F.journey([
        F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("bought"), F.next("pause")]),
        F.node("bought", 100, .event(EventActivity(event: "purchased", timeout: .days(2))), [F.next("end")]),
        F.node("pause", 100, .wait(.duration(.days(1))), [F.next("end")], y: 100),
        F.node("end", 200, .end),
    ], properties: JourneyProperties(globalTimeout: .days(3)))

    @Test func theGlobalTimeoutEndsTheInstanceWhereItWaits() throws {
        let journey = try F.runnable(Self.waitingForPurchase)
        var (instance, effects) = try F.enter(journey)
        let global = try #require(effects.timers.first { $0.id == instance.globalTimerID })
        #expect(global.dueAt == F.t0 + 3 * F.day)
        #expect(global.payload == TimerPayload(nodeID: "start", purpose: .globalTimeout))
        let waitTimers = Set(instance.outstandingTimerIDs.dropFirst())
        #expect(waitTimers.count == 2)
        let fired = instance.fire(global, in: journey, context: F.context(global.dueAt))
        #expect(fired.path == ["bought:instanceTimedout"])
        #expect(fired.steps.first?.instanceEnded == true)
        #expect(fired.steps.first?.eventID == "scheduledNotificationReceived")
        #expect(Set(fired.cancelled) == waitTimers)
        #expect(fired.ended == .instanceTimedout)
        #expect(instance.endStatus == .instanceTimedout)
        #expect(instance.outstandingTimerIDs.isEmpty)
        #expect(instance.events.isEmpty)
    }

    @Test func stoppingTheJourneyEndsEveryoneAtOnce() throws {
        let journey = try F.runnable(Self.waitingForPurchase)
        var (instance, _) = try F.enter(journey)
        let stopped = instance.handle(.stop, in: journey, context: F.context(F.t0 + F.hour))
        #expect(stopped.path == ["bought:ended"])
        #expect(stopped.steps.first?.eventID == "journeyStopped")
        #expect(stopped.cancelled.count == 3)
        #expect(!instance.isActive)
        #expect(instance.handle(.event(F.event("purchased", id: "p")), in: journey, context: F.context()).isEmpty)
        #expect(instance.handle(.stop, in: journey, context: F.context()).isEmpty)
    }

    @Test func theEndDateTimerEndsTheInstanceWithoutError() throws {
        var definition = Self.waitingForPurchase
        definition.properties.endDate = Timestamp("2026-11-24T00:00:00Z")
        let journey = try F.runnable(definition)
        var (instance, effects) = try F.enter(journey)
        let end = try #require(effects.timers.first { $0.id == instance.globalTimerID })
        #expect(end.payload.purpose == .journeyEnd)
        let fired = instance.fire(end, in: journey, context: F.context(end.dueAt))
        #expect(fired.path == ["bought:ended"])
        #expect(instance.endStatus == .ended)
    }

    @Test func anotherVersionOrAForgedTimerChangesNothing() throws {
        let journey = try F.runnable(Self.waitingForPurchase)
        var (instance, _) = try F.enter(journey)
        var other = Self.waitingForPurchase
        other.versionId = "j1-v2"
        #expect(instance.handle(.stop, in: try F.runnable(other), context: F.context()).isEmpty)
        let forged = TimerFiring(timerID: "someone-else/g", payload: TimerPayload(nodeID: "start", purpose: .globalTimeout))
        #expect(instance.handle(.timer(forged), in: journey, context: F.context()).isEmpty)
        #expect(instance.isActive)
    }

    static let jumpAndUpdate = F.journey([
        F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("tier")]),
        F.node("tier", 100, .updateProfile(UpdateProfileActivity(field: "loyalty.tier", value: "upper(@event{signed_up.plan})")), [F.next("jump")]),
        F.node("jump", 200, .jump(JumpActivity(journey: "other")), [F.next("end")]),
        F.node("end", 300, .end),
    ])

    static let other = F.journey([F.node("entry", 0, .event(EventActivity(event: "signed_up")))], id: "other")

    @Test func updateProfileAndJumpEmitTheirEffectsAndGoOn() throws {
        let journey = try RunnableJourney(journey: Self.jumpAndUpdate, configuration: F.configuration([Self.jumpAndUpdate, Self.other]))
        let (instance, effects) = try F.enter(journey)
        #expect(effects.path == ["start:transitions", "tier:transitions", "jump:transitions", "end:ended"])
        #expect(effects.contains(.updateProfile(path: "ProfileFieldGroup.loyalty.tier", value: .string("PRO"))))
        let jump = try #require(effects.lazy.compactMap { if case .internalEvent(let request) = $0 { request } else { nil } }.first)
        #expect(jump.targetJourneyID == "other")
        #expect(jump.profile == F.person)
        #expect(jump.sourceInstanceID == instance.instanceID)
        #expect(jump.eventID.hasPrefix(instance.instanceID))
        #expect(jump.payload == F.signUp().payload)
        #expect(effects.steps.map(\.stepType) == ["Event", "Action", "Action", "End"])
    }
}
