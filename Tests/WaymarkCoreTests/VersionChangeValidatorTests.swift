import Testing
@testable import WaymarkCore

@Suite struct VersionChangeValidatorTests {
    @Test func eventMayBeRenamedRedescribedAndGainOptionalFields() {
        var edited = Fixtures.signup
        edited.name = "sign_up"
        edited.description = "New text"
        edited.schema.fields.append(SchemaField(name: "plan", type: .string))
        #expect(VersionChangeValidator.issues(replacing: Fixtures.signup, with: edited).isEmpty)
    }

    @Test(arguments: [
        ("ERR_CONFIG_CHANGE_NOT_ALLOWED", { @Sendable (event: inout EventConfig) in event.namespace = "CRM" }),
        ("ERR_CONFIG_CHANGE_NOT_ALLOWED", { @Sendable (event: inout EventConfig) in event.eventIDType = .systemGenerated(eventID: "other") }),
        ("ERR_FIELD_REMOVED", { @Sendable (event: inout EventConfig) in event.schema.fields.removeLast() }),
        ("ERR_FIELD_TYPE_CHANGED", { @Sendable (event: inout EventConfig) in event.schema.fields[1].type = .integer }),
        ("ERR_REQUIRED_FIELD_ADDED", { @Sendable (event: inout EventConfig) in event.schema.fields[1].required = true }),
        ("ERR_REQUIRED_FIELD_ADDED", { @Sendable (event: inout EventConfig) in event.schema.fields.append(SchemaField(name: "x", type: .string, required: true)) }),
        ("ERR_IDENTITY_CHANGED", { @Sendable (event: inout EventConfig) in event.schema.fields[0].primaryIdentity = false }),
    ] as [(String, @Sendable (inout EventConfig) -> Void)])
    func eventChangeIsRefused(code: String, mutate: @Sendable (inout EventConfig) -> Void) {
        var edited = Fixtures.signup
        mutate(&edited)
        #expect(VersionChangeValidator.issues(replacing: Fixtures.signup, with: edited).map(\.code.rawValue).contains(code))
    }

    @Test func dataSourceRules() {
        var edited = Fixtures.loyalty
        edited.name = "LoyaltyV2"
        edited.provider = .rest(baseURL: "https://loyalty.example.com", authentication: .basic(username: "u", password: "rotated"))
        edited.fieldGroups[0].fields.fields.append(SchemaField(name: "points", type: .integer))
        edited.fieldGroups.append(FieldGroup(name: "Extra"))
        #expect(VersionChangeValidator.issues(replacing: Fixtures.loyalty, with: edited).isEmpty)

        var moved = Fixtures.loyalty
        moved.provider = .rest(baseURL: "https://elsewhere.example.com", authentication: .none)
        #expect(VersionChangeValidator.issues(replacing: Fixtures.loyalty, with: moved).map(\.code) == [.configChangeNotAllowed])
        var removed = Fixtures.loyalty
        removed.fieldGroups = []
        #expect(VersionChangeValidator.issues(replacing: Fixtures.loyalty, with: removed).map(\.code) == [.fieldRemoved])
        var retyped = Fixtures.loyalty
        retyped.fieldGroups[0].fields.fields[0].type = .integer
        retyped.fieldGroups[0].path = "/v2"
        #expect(VersionChangeValidator.issues(replacing: Fixtures.loyalty, with: retyped).map(\.code) == [.configChangeNotAllowed, .fieldTypeChanged])
    }

    @Test func actionRules() {
        guard case .custom(var custom) = Fixtures.coupon.definition else { return }
        custom.payload.append(.variable("note", .string))
        custom.payload.append(.constant("campaign", .string("x")))
        custom.authentication = .apiKey(name: "k", value: "rotated", location: .header)
        let edited = ActionConfig(name: "Coupon2", description: "d", definition: .custom(custom))
        #expect(VersionChangeValidator.issues(replacing: Fixtures.coupon, with: edited).isEmpty)

        var moved = custom
        moved.url = "https://other.example.com"
        moved.payload.append(.variable("must", .string, required: true))
        moved.payload.removeFirst()
        let codes = VersionChangeValidator.issues(replacing: Fixtures.coupon, with: ActionConfig(name: "Coupon", definition: .custom(moved))).map(\.code)
        #expect(codes == [.configChangeNotAllowed, .fieldRemoved, .requiredFieldAdded])

        let message = ActionConfig(name: "Coupon", definition: .message(MessageAction(channel: .sms, template: "t")))
        #expect(VersionChangeValidator.issues(replacing: Fixtures.coupon, with: message).map(\.code) == [.configChangeNotAllowed])
        guard case .message(var email) = Fixtures.welcomeEmail.definition else { return }
        email.template = "welcome-v2"
        #expect(VersionChangeValidator.issues(replacing: Fixtures.welcomeEmail, with: ActionConfig(name: "WelcomeEmail", definition: .message(email))).isEmpty)
        email.channel = .push
        #expect(VersionChangeValidator.issues(replacing: Fixtures.welcomeEmail, with: ActionConfig(name: "WelcomeEmail", definition: .message(email))).map(\.code) == [.configChangeNotAllowed])
    }

    @Test func newJourneyVersionKeepsEntryNamespaceAndReentrance() {
        var previous = Fixtures.validJourney
        previous.status = .live
        var next = previous
        next.version = previous.version.nextMajor
        next.status = .draft
        next.nodes[1].activity = .wait(.duration(.hours(2)))
        #expect(VersionChangeValidator.issues(newVersion: next, previous: previous).isEmpty)

        var changed = next
        changed.nodes[0].activity = .event(EventActivity(event: "crm_update"))
        changed.namespace = "CRM"
        changed.properties.reentrance.allowed = false
        changed.version = previous.version
        #expect(VersionChangeValidator.issues(newVersion: changed, previous: previous).map(\.code)
            == [.versionOrder, .entryChanged, .namespaceChanged, .reentranceChanged])
    }
}

@Suite struct LifecycleTests {
    @Test(arguments: JourneyStatus.allCases)
    func statusChanges(from status: JourneyStatus) {
        let allowed: [JourneyStatus: Set<JourneyStatus>] = [
            .draft: [.draftTest, .live], .draftTest: [.draft, .live], .live: [.closed, .stopped],
            .closed: [.stopped, .finished], .stopped: [], .finished: [],
        ]
        for next in JourneyStatus.allCases {
            #expect(status.canChange(to: next) == allowed[status]!.contains(next), "\(status) → \(next)")
        }
    }

    @Test func statusProperties() {
        #expect(JourneyStatus.allCases.filter(\.isEditable) == [.draft, .draftTest])
        #expect(JourneyStatus.allCases.filter(\.acceptsEntrances) == [.draftTest, .live])
        #expect(JourneyStatus.allCases.filter(\.isDeletable) == [.draft, .draftTest, .finished])
    }

    @Test func newVersionAndDuplicate() {
        var live = Fixtures.validJourney
        live.status = .live
        live.versionId = "v1"
        let next = live.newVersion(versionId: "v2")
        #expect(next.version == JourneyVersion(major: 2, minor: 0))
        #expect(next.status == .draft)
        #expect(next.versionId == "v2")
        #expect(next.nodes == live.nodes)
        #expect(VersionChangeValidator.issues(newVersion: next, previous: live).isEmpty)
        let copy = live.newVersion().duplicate(id: "copy", name: "Copy")
        #expect(copy.id == "copy" && copy.name == "Copy" && copy.version == .initial && copy.status == .draft && copy.versionId == nil)
    }

    @Test func liveVersionTakesOnlyLabels() {
        var live = Fixtures.validJourney
        live.status = .live
        var relabelled = live
        relabelled.name = "Welcome!"
        relabelled.description = "Now described"
        relabelled.nodes[1].label = "Pause a while"
        relabelled.status = .closed
        #expect(VersionChangeValidator.issues(editing: live, to: relabelled).isEmpty)

        var rewired = live
        rewired.nodes[1].activity = .wait(.duration(.hours(2)))
        #expect(VersionChangeValidator.issues(editing: live, to: rewired).map(\.code) == [.versionReadOnly])
        var draft = Fixtures.validJourney
        draft.nodes[1].activity = .wait(.duration(.hours(2)))
        #expect(VersionChangeValidator.issues(editing: Fixtures.validJourney, to: draft).isEmpty)

        var stopped = live
        stopped.status = .stopped
        var revived = stopped
        revived.status = .live
        #expect(VersionChangeValidator.issues(editing: stopped, to: revived).map(\.code) == [.invalidStatusChange])
    }
}
