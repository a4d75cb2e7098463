import Testing
@testable import WaymarkCore

@Suite struct RuntimeIndexAndReactionTests {
    typealias F = RuntimeFixtures

    @Test func theIndexRoutesEventNamesToTheVersionsThatStartOnOrAwaitThem() throws {
        var second = RuntimeWaitTests.purchaseWithin
        second.id = "j2"
        second.versionId = "j2-v1"
        var newer = F.w1
        newer.version = JourneyVersion(major: 2)
        newer.versionId = "j1-v2"
        var broken = F.journey([F.node("start", 0, .event(EventActivity(event: "nope")))], id: "broken")
        broken.versionId = "broken-v1"
        let index = JourneyIndex(configuration: F.configuration([F.w1, newer, second, broken]))
        #expect(index.journeys(startingOn: "signed_up").map(\.versionID) == ["j1-v1", "j1-v2", "j2-v1"])
        #expect(index.journeys(waitingFor: "purchased").map(\.versionID) == ["j2-v1"])
        #expect(index.journeys(startingOn: "purchased").isEmpty)
        #expect(index.journey(versionID: "j1-v2")?.journey.version == JourneyVersion(major: 2))
        #expect(index.latestVersion(ofJourney: "j1")?.versionID == "j1-v2")
        #expect(index.failures.count == 1)
        #expect(index.failures.first?.message.contains("broken") == true)
    }

    @Test func theRunnableJourneyListsWhatEachNodeReads() throws {
        let journey = try F.runnable(F.w1)
        #expect(journey.entryNodeID == "start")
        #expect(journey.entryEvents == ["signed_up"])
        #expect(journey.waitingEvents.isEmpty)
        #expect(journey.fieldReferences(ofNode: "pro").map(\.path) == [["plan"]])
        #expect(Set(journey.fieldReferences(ofNode: "send").map(\.path)) == [["email"], ["firstName"], ["plan"]])
        #expect(journey.externalFetches(ofNode: "send").isEmpty)
    }

    static let reaction = F.journey([
        F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("mail")]),
        F.node("mail", 100, .action(ActionActivity(action: "Reminder", parameters: ["recipient": "@event{signed_up.email}"])), [F.next("opened")]),
        F.node("opened", 200, .reaction(ReactionActivity(actionNode: "mail", reaction: .opened, timeout: .days(1))),
               [F.next("thanks"), Transition(.timeout, to: "again")]),
        F.node("thanks", 300, .end),
        F.node("again", 300, .end, y: 100),
    ])

    @Test func aReactionWaitsUntilItsTimeoutAndTakesTheTimeoutPath() throws {
        let journey = try F.runnable(Self.reaction)
        var (instance, effects) = try F.enter(journey)
        let mail = try #require(effects.calls.first)
        let sent = instance.handle(.actionResult(ExternalCallResult(callID: mail.id)), in: journey, context: F.context())
        let timeout = try #require(sent.timer(for: "opened"))
        #expect(timeout.payload.purpose == .reactionTimeout)
        #expect(timeout.dueAt == F.t0 + F.day)
        let fired = instance.fire(timeout, in: journey, context: F.context(timeout.dueAt))
        #expect(fired.path == ["opened:transitions", "again:ended"])
        #expect(fired.steps.first?.stepType == "Event")
    }

    @Test func messageTrackingMovesAReactionOnAndCancelsItsTimeout() throws {
        let journey = try F.runnable(Self.reaction)
        var (instance, effects) = try F.enter(journey)
        let mail = try #require(effects.calls.first)
        let sent = instance.handle(.actionResult(ExternalCallResult(callID: mail.id)), in: journey, context: F.context())
        let timeout = try #require(sent.timer(for: "opened"))
        let clicked = MessageTracking(eventID: "t1", actionNodeID: "mail", kind: .clicked, timestamp: F.t0)
        #expect(instance.handle(.messageTracking(clicked), in: journey, context: F.context()).isEmpty)
        let opened = MessageTracking(eventID: "t2", actionNodeID: "mail", kind: .opened, timestamp: F.t0 + F.hour)
        let moved = instance.handle(.messageTracking(opened), in: journey, context: F.context(F.t0 + F.hour))
        #expect(moved.path == ["opened:transitions", "thanks:ended"])
        #expect(moved.steps.first?.eventID == "t2")
        #expect(moved.cancelled.contains(timeout.id))
    }

    @Test func anAudienceNodeWaitsForItsAudienceChangeOrItsTimeout() throws {
        let journey = try F.runnable(F.journey([
            F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("vip")]),
            F.node("vip", 100, .audienceQualification(AudienceQualificationActivity(audience: "VIP", behavior: .enter, timeout: .days(7))),
                   [F.next("welcome"), Transition(.timeout, to: "late")]),
            F.node("welcome", 200, .end),
            F.node("late", 200, .end, y: 100),
        ]))
        var (instance, effects) = try F.enter(journey)
        let timeout = try #require(effects.timer(for: "vip"))
        #expect(timeout.dueAt == F.t0 + 7 * F.day)
        let left = AudienceChange(eventID: "a1", audience: "VIP", behavior: .exit, timestamp: F.t0)
        #expect(instance.handle(.audienceChange(left), in: journey, context: F.context()).isEmpty)
        var timedOut = instance
        #expect(timedOut.fire(timeout, in: journey, context: F.context(timeout.dueAt)).path == ["vip:transitions", "late:ended"])
        let joined = AudienceChange(eventID: "a2", audience: "VIP", behavior: .enter, timestamp: F.t0 + F.day)
        let moved = instance.handle(.audienceChange(joined), in: journey, context: F.context(F.t0 + F.day))
        #expect(moved.path == ["vip:transitions", "welcome:ended"])
        #expect(moved.steps.first?.eventID == "a2")
        #expect(moved.cancelled.contains(timeout.id))
    }
}
