import Testing
@testable import WaymarkCore

/// Each structural rule: a journey that triggers it, and the valid journey that does not.
@Suite struct JourneyValidatorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let code: ValidationCode
        let nodeId: String?
        let mutate: @Sendable (inout Journey) -> Void
        var testDescription: String { code.rawValue }

        init(_ code: ValidationCode, node: String? = nil, _ mutate: @escaping @Sendable (inout Journey) -> Void) {
            self.code = code
            self.nodeId = node
            self.mutate = mutate
        }
    }

    static func validate(_ journey: Journey) -> [ValidationIssue] {
        JourneyValidator(configuration: Fixtures.configuration).validate(journey)
    }

    static func set(_ id: String, _ activity: NodeActivity) -> @Sendable (inout Journey) -> Void {
        { journey in journey.nodes[journey.nodes.firstIndex { $0.id == id }!].activity = activity }
    }

    static func transitions(_ id: String, _ transitions: [Transition]) -> @Sendable (inout Journey) -> Void {
        { journey in journey.nodes[journey.nodes.firstIndex { $0.id == id }!].transitions = transitions }
    }

    static func append(_ node: JourneyNode) -> @Sendable (inout Journey) -> Void { { $0.nodes.append(node) } }

    static let sendEmail = ActionActivity(action: "WelcomeEmail", parameters: ["recipient": "@event{signup.email}"])
    static let couponMappings = ActionActivity(
        action: "Coupon", parameters: ["email": "@event{signup.email}", "cart.id": "\"c1\""], headers: ["X-Trace": "\"t\""])

    static let cases: [Case] = [
        // Journey-wide
        Case(.missingName) { $0.name = " " },
        Case(.missingNamespace) { $0.namespace = "" },
        Case(.noEntry) { $0.nodes = [] },
        Case(.noEntry, set("start", .wait(.duration(.hours(1))))),
        Case(.entryNotFirst, node: "first") {
            $0.nodes.insert(Fixtures.node("first", x: -100, .wait(.duration(.hours(1))), [Transition(.next, to: "start")]), at: 0)
        },
        Case(.duplicateNodeID) { $0.nodes.append(Fixtures.node("end", x: 400, .end)) },
        Case(.tooManyActivities) { journey in
            journey.nodes[3] = Fixtures.node("end", x: 300, .wait(.duration(.minutes(1))), [Transition(.next, to: "w0")])
            for index in 0..<48 {
                journey.nodes.append(Fixtures.node("w\(index)", x: Double(400 + index), .wait(.duration(.minutes(1))),
                                                   index < 47 ? [Transition(.next, to: "w\(index + 1)")] : []))
            }
        },
        Case(.loop, transitions("send", [Transition(.next, to: "pause")])),
        Case(.datesOrder) {
            $0.properties.startDate = Timestamp("2026-12-02T00:00:00Z")
            $0.properties.endDate = Timestamp("2026-12-01T00:00:00Z")
        },
        Case(.externalCallTimeoutRange) { $0.properties.externalCallTimeout = .seconds(31) },
        Case(.externalCallTimeoutRange) { $0.properties.externalCallTimeout = ISODuration(milliseconds: 500) },
        Case(.globalTimeoutRange) { $0.properties.globalTimeout = .days(92) },
        Case(.reentranceWaitNegative) { $0.properties.reentrance.waitPeriod = ISODuration(milliseconds: -1) },
        // Graph
        Case(.unknownTarget, node: "send", transitions("send", [Transition(.next, to: "nowhere")])),
        Case(.invalidTransition, node: "end", transitions("end", [Transition(.next, to: "send")])),
        Case(.invalidTransition, node: "pause", transitions("pause", [Transition(.next, to: "send"), Transition(.timeout, to: "end")])),
        Case(.invalidTransition, node: "start", transitions("start", [Transition(.next, to: "pause"), Transition(.error, to: "end")])),
        Case(.duplicateTransition, node: "send", transitions("send", [Transition(.next, to: "end"), Transition(.error, to: "end"), Transition(.error, to: "end")])),
        Case(.parallelActions, node: "pause") { journey in
            journey.nodes.append(Fixtures.node("send2", x: 200, .action(sendEmail)))
            journey.nodes[1].transitions.append(Transition(.next, to: "send2"))
        },
        Case(.invalidParallel, node: "start") { journey in
            journey.nodes.append(Fixtures.node("end2", x: 200, .end))
            journey.nodes[0].transitions.append(Transition(.next, to: "end2"))
        },
        Case(.readAudienceNotEntry, node: "read") { journey in
            journey.nodes.append(Fixtures.node("read", x: 400, .readAudience(ReadAudienceActivity(audience: "A"))))
            journey.nodes[2].transitions.append(Transition(.error, to: "read"))
        },
        // Node settings
        Case(.unfinishedNode, node: "send", set("send", .action(ActionActivity(action: nil)))),
        Case(.unfinishedNode, node: "pause", set("pause", .wait(nil))),
        Case(.unfinishedNode, node: "pause", set("pause", .wait(.custom(expression: "")))),
        Case(.unfinishedNode, node: "start", set("start", .event(EventActivity(event: nil)))),
        Case(.unfinishedNode, node: "pause", set("pause", .condition(nil))),
        Case(.unfinishedNode, node: "pause", set("pause", .condition(.dataSource([])))),
        Case(.unfinishedNode, node: "pause", set("pause", .condition(.time(TimeCondition(paths: [TimePath(label: "x")]))))),
        Case(.unfinishedNode, node: "pause", set("pause", .condition(.date([DatePath(label: "x", periods: [])])))),
        Case(.unfinishedNode, node: "send", set("send", .updateProfile(UpdateProfileActivity(field: "loyalty", value: nil)))),
        Case(.unfinishedNode, node: "send", set("send", .jump(JumpActivity(journey: nil)))),
        Case(.unfinishedNode, node: "send", set("send", .reaction(ReactionActivity(actionNode: nil, reaction: .opened)))),
        Case(.unfinishedNode, node: "send", set("send", .audienceQualification(AudienceQualificationActivity(audience: nil)))),
        Case(.timeoutRange, node: "send", set("send", .reaction(ReactionActivity(actionNode: "send", reaction: .opened, timeout: .seconds(39))))),
        Case(.timeoutRange, node: "send", set("send", .reaction(ReactionActivity(actionNode: "send", reaction: .opened, timeout: .days(31))))),
        Case(.timeoutRange, node: "send", set("send", .event(EventActivity(event: "signup", timeout: .days(30))))),
        Case(.timeoutRange, node: "send", set("send", .event(EventActivity(event: "signup", timeout: .seconds(0))))),
        Case(.waitNotPositive, node: "pause", set("pause", .wait(.duration(.seconds(0))))),
        Case(.waitTooLong, node: "pause", set("pause", .wait(.duration(.days(31))))),
        Case(.waitExceedsGlobalTimeout, node: "pause") { journey in
            journey.properties.globalTimeout = .days(2)
            journey.nodes[1].activity = .wait(.duration(.days(2)))
        },
        Case(.percentageSum, node: "pause") { journey in
            journey.nodes[1].activity = .condition(.percentage([PercentagePath(label: "A", percentage: 50), PercentagePath(label: "B", percentage: 40)]))
            journey.nodes[1].transitions = [Transition(.path("A"), to: "send")]
        },
        Case(.duplicatePathLabel, node: "pause") { journey in
            journey.nodes[1].activity = .condition(.dataSource([ConditionPath(label: "A", expression: "true"), ConditionPath(label: "A", expression: "false")]))
            journey.nodes[1].transitions = [Transition(.path("A"), to: "send")]
        },
        Case(.datePeriodOrder, node: "pause") { journey in
            let period = DatePeriod(from: Timestamp("2026-12-02T00:00:00Z")!, to: Timestamp("2026-12-01T00:00:00Z")!)
            journey.nodes[1].activity = .condition(.date([DatePath(label: "A", periods: [period])]))
            journey.nodes[1].transitions = [Transition(.path("A"), to: "send")]
        },
        Case(.readRateRange, node: "start", set("start", .readAudience(ReadAudienceActivity(audience: "A", rate: 499)))),
        Case(.profileCapRange, node: "pause") { journey in
            journey.nodes[1].activity = .condition(.profileCap(0))
        },
        Case(.jumpToSelf, node: "send", set("send", .jump(JumpActivity(journey: "welcome")))),
        // References
        Case(.unknownEvent, node: "start", set("start", .event(EventActivity(event: "nope")))),
        Case("ERR_EXPR_UNKNOWN_EVENT", node: "send", set("send", .action(ActionActivity(action: "WelcomeEmail", parameters: ["recipient": "@{ghost.email}"])))),
        Case(.unknownAction, node: "send", set("send", .action(ActionActivity(action: "Nope")))),
        Case("ERR_EXPR_UNKNOWN_ACTION", node: "send", set("send", .action(ActionActivity(action: "WelcomeEmail", parameters: ["recipient": "@action{Ghost.code}"])))),
        Case("ERR_EXPR_UNKNOWN_DATA_SOURCE", node: "pause") { journey in
            journey.nodes[1].activity = .condition(.dataSource([ConditionPath(label: "A", expression: "#{Ghost.Group.x} == 1")]))
            journey.nodes[1].transitions = [Transition(.path("A"), to: "send")]
        },
        Case("ERR_EXPR_UNKNOWN_DATA_SOURCE", node: "pause") { journey in
            journey.nodes[1].activity = .condition(.dataSource([ConditionPath(label: "A", expression: "#{Loyalty.Ghost.tier} == \"gold\"")]))
            journey.nodes[1].transitions = [Transition(.path("A"), to: "send")]
        },
        Case(.unknownJourney, node: "send", set("send", .jump(JumpActivity(journey: "ghost")))),
        Case(.namespaceMismatch, node: "send", set("send", .jump(JumpActivity(journey: "crm-journey")))),
        Case(.namespaceMismatch, node: "start", set("start", .event(EventActivity(event: "crm_update")))),
        Case(.unknownProfileField, node: "send", set("send", .updateProfile(UpdateProfileActivity(field: "loyalty.colour", value: "1")))),
        Case(.unknownReactionTarget, node: "end", set("end", .reaction(ReactionActivity(actionNode: "pause", reaction: .opened)))),
        Case(.unknownReactionTarget, node: "pause") { journey in
            journey.nodes[1].activity = .reaction(ReactionActivity(actionNode: "send", reaction: .opened))  // send comes after
        },
        Case(.missingParameter, node: "send", set("send", .action(ActionActivity(action: "WelcomeEmail")))),
        Case(.missingParameter, node: "send", set("send", .action(ActionActivity(action: "Coupon", parameters: ["email": "\"a\""], headers: ["X-Trace": "\"t\""])))),
        Case(.missingParameter, node: "send", set("send", .action(ActionActivity(action: "Coupon", parameters: ["email": "\"a\"", "cart.id": "\"c\""])))),
        Case(.unknownParameter, node: "send", set("send", .action(ActionActivity(action: "WelcomeEmail", parameters: ["recipient": "\"a\"", "colour": "\"b\""])))),
        Case(.dynamicPathNotAllowed, node: "send") { journey in
            var activity = couponMappings
            activity.dynamicPath = "\"/x\""
            journey.nodes[2].activity = .action(activity)
        },
        // Warnings
        Case(.disconnectedNode, node: "island", append(Fixtures.node("island", x: 50, .end))),
        Case(.disconnectedNode, node: "stray") { journey in
            journey.nodes.append(Fixtures.node("stray", x: -50, .wait(.duration(.hours(1))), [Transition(.next, to: "stray-end")]))
            journey.nodes.append(Fixtures.node("stray-end", x: -40, .end))
        },
    ]

    @Test(arguments: cases)
    func ruleIsTriggered(_ testCase: Case) {
        var journey = Fixtures.validJourney
        testCase.mutate(&journey)
        let issues = Self.validate(journey)
        let matching = issues.filter { $0.code == testCase.code }
        #expect(!matching.isEmpty, "\(issues)")
        if let nodeId = testCase.nodeId { #expect(matching.contains { $0.nodeId == nodeId }, "\(matching)") }
        for issue in matching {
            #expect(issue.severity == (issue.code.rawValue.hasPrefix("WARN_") ? .warning : .error))
            #expect(!issue.message.isEmpty)
        }
    }

    @Test func validJourneyHasNoIssue() {
        #expect(Self.validate(Fixtures.validJourney).isEmpty)
    }

    @Test(arguments: [
        // Valid variants that stand near the rules.
        Case(.timeoutRange) { journey in
            journey.nodes[2].activity = .event(EventActivity(event: "signup", timeout: .days(29)))
            journey.nodes[2].transitions = [Transition(.next, to: "end"), Transition(.timeout, to: "end2")]
            journey.nodes.append(Fixtures.node("end2", x: 400, .end))
        },
        Case(.parallelActions) { journey in
            journey.nodes.append(Fixtures.node("event2", x: 100, .event(EventActivity(event: "signup", timeout: .hours(2))), [Transition(.next, to: "end2")]))
            journey.nodes.append(Fixtures.node("end2", x: 300, .end))
            journey.nodes[0].transitions.append(Transition(.next, to: "event2"))
        },
        Case(.missingParameter, set("send", .action(couponMappings))),
        Case(.percentageSum) { journey in
            journey.nodes[1].activity = .condition(.percentage([PercentagePath(label: "A", percentage: 33.5), PercentagePath(label: "B", percentage: 66.5)]))
            journey.nodes[1].transitions = [Transition(.path("A"), to: "send"), Transition(.path("B"), to: "end")]
        },
        Case(.profileCapRange) { journey in
            journey.nodes[1].activity = .condition(.profileCap(1))
            journey.nodes[1].transitions = [Transition(.next, to: "send"), Transition(.otherCases, to: "end")]
        },
        Case(.unfinishedNode) { journey in
            journey.nodes[1].activity = .condition(.time(TimeCondition(paths: [TimePath(label: "Day", from: TimeOfDay("09:00"), to: TimeOfDay("18:00"))])))
            journey.nodes[1].transitions = [Transition(.path("Day"), to: "send")]
        },
        Case("ERR_EXPR_UNKNOWN_DATA_SOURCE") { journey in
            journey.nodes[1].activity = .condition(.dataSource([
                ConditionPath(label: "Gold", expression: "#{Loyalty.Membership.tier} == \"gold\" and \"#{not.a.ref}\" != \"\""),
                ConditionPath(label: "Rich", expression: "#{ExperiencePlatform.ProfileFieldGroup.person.name.firstName} == \"Ada\""),
            ]))
            journey.nodes[1].transitions = [Transition(.path("Gold"), to: "send"), Transition(.otherCases, to: "end")]
        },
        Case(.unknownJourney, set("send", .jump(JumpActivity(journey: "other")))),
        Case(.unknownProfileField, set("send", .updateProfile(UpdateProfileActivity(field: "person.name.firstName", value: "\"Ada\"")))),
        Case(.unknownReactionTarget) { journey in
            journey.nodes[3] = Fixtures.node("end", x: 300, .reaction(ReactionActivity(actionNode: "send", reaction: .clicked, timeout: .days(3))))
        },
        Case(.waitExceedsGlobalTimeout, set("pause", .wait(.fixedDate(Timestamp("2026-12-24T00:00:00Z")!)))),
    ])
    func nearbyValidVariantIsClean(_ testCase: Case) {
        var journey = Fixtures.validJourney
        testCase.mutate(&journey)
        #expect(Self.validate(journey).isEmpty, "\(Self.validate(journey))")
    }

    @Test func issuesAreOrderedGlobalFirstThenLeftToRight() {
        var journey = Fixtures.validJourney
        journey.nodes[3].activity = .jump(JumpActivity(journey: "ghost"))  // x 300
        journey.nodes[0].activity = .event(EventActivity(event: "nope"))  // x 0
        journey.nodes[1].activity = .wait(.duration(.days(40)))  // x 100
        journey.name = ""
        let issues = Self.validate(journey)
        #expect(issues.map(\.code) == [.missingName, .unknownEvent, .waitTooLong, .unknownJourney])
        #expect(issues.map(\.nodeId) == [nil, "start", "pause", "end"])
        #expect(issues.hasErrors)
    }

    @Test func passesAreExtensible() {
        struct NoEnds: JourneyValidationPass {
            func issues(in context: JourneyValidationContext) -> [ValidationIssue] {
                context.journey.nodes.filter { $0.activity == .end }.map { .warning("WARN_HAS_END", node: $0.id, "An end.") }
            }
        }
        var validator = JourneyValidator(configuration: Fixtures.configuration)
        validator.passes.append(NoEnds())
        #expect(validator.validate(Fixtures.validJourney).map(\.code.rawValue) == ["WARN_HAS_END"])
        #expect(!validator.validate(Fixtures.validJourney).hasErrors)
    }

    @Test func expressionsAreListedForTheExpressionPass() {
        var journey = Fixtures.validJourney
        journey.nodes[2].activity = .action(Self.couponMappings)
        let context = JourneyValidationContext(journey: journey, configuration: Fixtures.configuration)
        let expressions = context.expressions
        #expect(expressions.map(\.field) == ["parameters.cart.id", "parameters.email", "headers.X-Trace"])
        #expect(expressions.map(\.role) == [.parameter(.string), .parameter(.string), .httpParameter])
        #expect(expressions.allSatisfy { $0.nodeId == "send" })
    }
}
