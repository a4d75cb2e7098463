import Testing
@testable import WaymarkCore

@Suite struct RuntimeActionTests {
    typealias F = RuntimeFixtures

    /// Runs W1 to its action call: enters, fires the 1 h wait.
    static func w1AtTheAction() throws -> (RunnableJourney, JourneyInstance, ExternalCallRequest, [RuntimeEffect]) {
        let journey = try F.runnable(F.w1)
        var (instance, effects) = try F.enter(journey)
        let fired = instance.fire(try #require(effects.timer(for: "wait")), in: journey, context: F.context(F.t0 + F.hour))
        return (journey, instance, try #require(fired.calls.first), fired)
    }

    @Test func anActionNodeAsksForItsCallWithEveryValueResolvedNow() throws {
        let (_, instance, call, fired) = try Self.w1AtTheAction()
        #expect(fired.path == ["wait:transitions"])
        #expect(call.id == instance.callID(nodeID: "send", sequence: try #require(instance.pendingCall).sequence))
        #expect(call.id.hasPrefix("\(instance.instanceID)/send/"))
        #expect(call.kind == .action)
        #expect(call.actionName == "Welcome")
        #expect(call.payload == .object(OrderedFields([
            ("email", .string(F.person.id)), ("campaign", .string("welcome")),
            ("person", .object(OrderedFields([("firstName", .string("Ada"))]))),
        ])))
        #expect(call.headers == ["X-Plan": "pro", "X-Source": "waymark"])
        #expect(call.query == ["v": "2"])
        #expect(call.timeout == 30_000)
        #expect(call.profile == F.person)
        #expect(instance.pendingCall?.kind == .action)
        #expect(instance.isActive)
    }

    @Test func aSuccessfulResultWritesTheActionStepAndGoesOn() throws {
        var (journey, instance, call, fired) = try Self.w1AtTheAction()
        let result = ExternalCallResult(callID: call.id, status: 201, executionTime: 85, endpoint: "https://crm.example.com/welcome", method: "POST")
        let done = instance.handle(.actionResult(result), in: journey, context: F.context(F.t0 + F.hour + 85))
        #expect(done.path == ["send:transitions", "end:ended"])
        let step = try #require(done.steps.first)
        #expect(step.eventID == "executedAction")
        #expect(step.stepType == "Action")
        #expect(step.nodeType == "action")
        #expect(step.actionName == "Welcome")
        #expect(step.actionType == "custom")
        #expect(step.actionBusinessType == "customer")
        #expect(step.actionParameterized == true)
        #expect(step.actionExecutionTime == 85)
        #expect(step.actionExecutionError == nil)
        #expect(step.actionOriginEndpoint == "https://crm.example.com/welcome")
        #expect(step.actionOriginMethod == "POST")
        #expect(step.processingTime == 85)
        #expect(step.parentStepID == fired.steps.last?.stepID)
        #expect(instance.errorInfo.lastActionExecutionElapsedTime == 85)
        #expect(!instance.isActive)
    }

    @Test func aResultOfAnotherCallChangesNothing() throws {
        var (journey, instance, _, _) = try Self.w1AtTheAction()
        let before = instance
        #expect(instance.handle(.actionResult(ExternalCallResult(callID: "other")), in: journey, context: F.context()).isEmpty)
        #expect(instance == before)
    }

    /// (error kind, step status, step error name)
    @Test(arguments: [
        (ExternalCallErrorKind.http, StepStatus.error, "http"), (.timeout, .timedout, "timeout"),
        (.capped, .capped, "capping"), (.internal, .error, "error"),
    ])
    func failuresWithoutAnErrorPathEndTheInstanceWithTheirStatus(kind: ExternalCallErrorKind, status: StepStatus, name: String) throws {
        var (journey, instance, call, _) = try Self.w1AtTheAction()
        let result = ExternalCallResult(callID: call.id, status: kind == .http ? 503 : nil, errorKind: kind, executionTime: 30_000)
        let done = instance.handle(.actionResult(result), in: journey, context: F.context(F.t0 + F.hour + 30_000))
        #expect(done.path == ["send:\(status.rawValue)"])
        #expect(done.steps.first?.instanceEnded == true)
        #expect(done.steps.first?.actionExecutionError == name)
        #expect(done.ended == status)
        #expect(instance.endStatus == status)
        #expect(instance.errorInfo.lastNodeIDInError == "send")
        if kind == .http {
            #expect(done.steps.first?.actionExecutionErrorCode == "503")
            #expect(instance.errorInfo.lastExecutedActionErrorCode == "503")
        }
    }

    static let withErrorPath = F.journey([
        F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("send")]),
        F.node("send", 100, .action(ActionActivity(action: "Welcome", parameters: ["email": "@event{signed_up.email}"])),
               [F.next("pause"), Transition(.error, to: "fallback")]),
        F.node("pause", 200, .wait(.duration(.hours(1))), [F.next("check")]),
        F.node("check", 300, .condition(.dataSource([
            ConditionPath(label: "Coupon", expression: "@action{Welcome.coupon} == \"X1\" and @action{Welcome.jo_status_code} == \"http_200\""),
        ])), [Transition(.path("Coupon"), to: "coupon")]),
        F.node("coupon", 400, .end),
        F.node("fallback", 200, .action(ActionActivity(action: "Reminder", parameters: ["recipient": "@event{signed_up.email}"])), y: 100),
    ])

    @Test func aFailureTakesTheErrorPath() throws {
        let journey = try F.runnable(Self.withErrorPath)
        var (instance, effects) = try F.enter(journey)
        let call = try #require(effects.calls.first)
        let failed = instance.handle(
            .actionResult(ExternalCallResult(callID: call.id, status: 500, errorKind: .http, errorCode: "500")), in: journey, context: F.context())
        #expect(failed.path == ["send:error"])
        #expect(failed.steps.first?.instanceEnded == false)
        let reminder = try #require(failed.calls.first)
        #expect(reminder.actionName == "Reminder")
        #expect(reminder.payload == .object(OrderedFields([("recipient", .string(F.person.id))])))
        #expect(instance.pendingCall?.nodeID == "fallback")
        let sent = instance.handle(.actionResult(ExternalCallResult(callID: reminder.id)), in: journey, context: F.context())
        #expect(sent.path == ["fallback:ended"])
        #expect(sent.steps.first?.actionType == "email")
        #expect(sent.steps.first?.actionBusinessType == "builtin")
        #expect(sent.steps.first?.parentTransitionName == "error")
    }

    @Test func responseFieldsReadLaterAreKept() throws {
        let journey = try F.runnable(Self.withErrorPath)
        var (instance, effects) = try F.enter(journey)
        let call = try #require(effects.calls.first)
        let response = JSONValue.object(OrderedFields([("coupon", .string("X1")), ("unused", .string("big"))]))
        let done = instance.handle(.actionResult(ExternalCallResult(callID: call.id, response: response)), in: journey, context: F.context())
        #expect(done.path == ["send:transitions"])
        #expect(instance.actions["Welcome"] == .object(OrderedFields([("coupon", .string("X1")), ("jo_status_code", .string("http_200"))])))
        let restored = try JourneyInstance(decoding: instance.encoded)
        var resumed = restored
        let fired = resumed.fire(try #require(done.timer(for: "pause")), in: journey, context: F.context(F.t0 + F.hour))
        #expect(fired.path == ["pause:transitions", "check:transitions", "coupon:ended"])
    }

    @Test func aMappingThatFailsTakesTheErrorPathWithoutACall() throws {
        var definition = Self.withErrorPath
        definition.nodes[1] = F.node("send", 100, .action(ActionActivity(
            action: "Welcome", parameters: ["email": "toString(toInteger(@event{signed_up.plan}))"])),
            [F.next("pause"), Transition(.error, to: "fallback")])
        let journey = try F.runnable(definition)
        let (instance, effects) = try F.enter(journey)
        #expect(effects.path == ["start:transitions", "send:error"])
        #expect(effects.calls.map(\.actionName) == ["Reminder"])
        #expect(instance.errorInfo.lastNodeIDInError == "send")
    }

    static let fetching = F.journey([
        F.node("start", 0, .event(EventActivity(event: "signed_up")), [F.next("tier")]),
        F.node("tier", 100, .condition(.dataSource([
            ConditionPath(label: "Gold", expression: "#{Loyalty.Membership.tier, params: {email: @event{signed_up.email}}} == \"gold\""),
        ])), [Transition(.path("Gold"), to: "gold"), Transition(.otherCases, to: "other")]),
        F.node("gold", 200, .end),
        F.node("other", 200, .end, y: 100),
    ])

    @Test func aConditionOnExternalDataFetchesFirstAndDecidesWhenTheDataArrives() throws {
        let journey = try F.runnable(Self.fetching)
        #expect(journey.externalFetches(ofNode: "tier") == ["Loyalty.Membership"])
        var (instance, effects) = try F.enter(journey)
        #expect(effects.path == ["start:transitions"])
        let fetch = try #require(effects.calls.first)
        #expect(fetch.kind == .fetch)
        #expect(fetch.fetches == [DataFetch(dataSource: "Loyalty", fieldGroup: "Membership", parameters: ["email": .string(F.person.id)])])
        let restored = try JourneyInstance(decoding: instance.encoded)
        #expect(restored == instance)
        let data = JSONValue.object(OrderedFields([("Loyalty.Membership", .object(OrderedFields([("tier", .string("gold"))])))]))
        var gold = instance
        let decided = gold.handle(.fetchResult(ExternalCallResult(callID: fetch.id, response: data, executionTime: 12)), in: journey, context: F.context(F.t0 + 12))
        #expect(decided.path == ["tier:transitions", "gold:ended"])
        #expect(decided.steps.first?.eventID == "executedFetch")
        #expect(decided.steps.first?.fetchTotalTime == 12)
        #expect(decided.steps.first?.fetchCount == 1)
        #expect(decided.steps.first?.processingTime == 12)
        #expect(gold.errorInfo.lastDataFetchElapsedTime == 12)

        let failed = instance.handle(.fetchResult(ExternalCallResult(callID: fetch.id, status: nil, errorKind: .timeout)), in: journey, context: F.context())
        #expect(failed.path == ["tier:timedout"])
        #expect(failed.steps.first?.fetchError == "timedout")
        #expect(failed.steps.first?.fetchTypeInError == "custom")
        #expect(instance.endStatus == .timedout)
    }
}
