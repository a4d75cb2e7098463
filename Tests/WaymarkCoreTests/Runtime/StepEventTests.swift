import Testing
@testable import WaymarkCore

@Suite struct RuntimeStepEventTests {
    typealias F = RuntimeFixtures

    @Test func everyCommonFieldOfTheEntryStepIsFilled() throws {
        let journey = try F.runnable(F.w1)
        var event = F.signUp()
        event.externalKey = "key-1"
        let (instance, effects) = try F.enter(journey, event, context: F.context(F.t0 + 5))
        let entry = try #require(effects.steps.first)
        #expect(entry.entrance)
        #expect(!entry.reentrance)
        #expect(!entry.instanceEnded)
        #expect(entry.eventID == "evt-1")
        #expect(entry.nodeID == "start")
        #expect(entry.nodeName == "Start")
        #expect(entry.nodeType == "start")
        #expect(entry.stepID == instance.stepID(1))
        #expect(entry.stepName == "Start")
        #expect(entry.stepType == "Event")
        #expect(entry.stepStatus == .transitions)
        #expect(entry.journeyID == "j1")
        #expect(entry.journeyVersionID == "j1-v1")
        #expect(entry.journeyVersionName == "Journey j1")
        #expect(entry.journeyVersion == "1.0")
        #expect(entry.instanceID == instance.instanceID)
        #expect(entry.externalKey == "key-1")
        #expect(entry.parentStepID == nil)
        #expect(entry.parentTransitionID == nil)
        #expect(!entry.inTest)
        #expect(entry.processingTime == 0)
        #expect(entry.instanceType == "unitary")
        #expect(entry.timestamp == F.t0 + 5)
        #expect(entry.profileID == F.person.id)
        #expect(entry.profileNamespace == "Email")
        #expect(entry.actionName == nil)
        #expect(entry.fetchCount == nil)
        #expect(instance.externalKey == "key-1")

        let condition = try #require(effects.steps.last)
        #expect(!condition.entrance)
        #expect(condition.nodeType == "condition")
        #expect(condition.stepType == "Condition")
        #expect(condition.eventID == "evt-1")
        #expect(condition.parentStepID == entry.stepID)
        #expect(condition.parentStepName == "Start")
        #expect(condition.parentTransitionID == "start#0")
        #expect(condition.parentTransitionName == "next")
    }

    @Test func stepIDsAreUniqueAcrossAWholeRunAndChainThroughParents() throws {
        let (journey, instance, call, firstEffects) = try RuntimeActionTests.w1AtTheAction()
        var running = instance
        let done = running.handle(.actionResult(ExternalCallResult(callID: call.id)), in: journey, context: F.context())
        let (_, entryEffects) = try F.enter(journey)
        let steps = entryEffects.steps + firstEffects.steps + done.steps
        #expect(steps.map(\.nodeID) == ["start", "pro", "wait", "send", "end"])
        #expect(Set(steps.map(\.stepID)).count == steps.count)
        for (parent, child) in zip(steps, steps.dropFirst()) {
            #expect(child.parentStepID == parent.stepID)
            #expect(child.parentStepName == parent.stepName)
        }
        #expect(steps.filter(\.instanceEnded).map(\.nodeID) == ["end"])
    }
}
