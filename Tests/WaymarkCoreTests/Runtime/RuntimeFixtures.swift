import Foundation
import Testing
@testable import WaymarkCore

/// Configs, journeys and a fixed clock for driving the runtime directly.
enum RuntimeFixtures {
    /// 2026-11-23T10:00:00Z, a Monday.
    static let t0: Int64 = 1_795_428_000_000
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    static let person = ProfileKey(namespace: "Email", id: "ada@example.com")

    static let signedUp = EventConfig(
        id: "evt-signed-up", name: "signed_up", eventIDType: .systemGenerated(eventID: "e1"),
        schema: FieldSchema([
            SchemaField(name: "email", type: .string, required: true, primaryIdentity: true),
            SchemaField(name: "plan", type: .string),
            SchemaField(name: "firstName", type: .string),
            SchemaField(name: "trialEnds", type: .dateTime),
            SchemaField(name: "localTime", type: .dateTimeOnly),
        ]),
        namespace: "Email")

    static let purchased = EventConfig(
        id: "evt-purchased", name: "purchased", eventIDType: .systemGenerated(eventID: "e2"),
        schema: FieldSchema([
            SchemaField(name: "email", type: .string, required: true, primaryIdentity: true),
            SchemaField(name: "amount", type: .decimal),
        ]),
        namespace: "Email")

    static let cancelled = EventConfig(
        id: "evt-cancelled", name: "cancelled", eventIDType: .systemGenerated(eventID: "e3"),
        schema: FieldSchema([SchemaField(name: "email", type: .string, required: true, primaryIdentity: true)]),
        namespace: "Email")

    static let welcome = ActionConfig(
        name: "Welcome",
        definition: .custom(CustomAction(
            url: "https://crm.example.com/welcome", method: .post,
            headers: [.variable("X-Plan", .string), .constant("X-Source", .string("waymark"))],
            queryParameters: [.constant("v", .int(2))],
            payload: [
                .variable("email", .string, required: true),
                .constant("campaign", .string("welcome")),
                ActionParameter(name: "person", value: .object([.variable("firstName", .string)])),
            ],
            responseExample: .object(OrderedFields([("coupon", .string("X1"))])))))

    static let reminder = ActionConfig(
        name: "Reminder",
        definition: .message(MessageAction(channel: .email, template: "reminder", fields: [.variable("recipient", .string, required: true)])))

    static let loyalty = DataSourceConfig(
        name: "Loyalty", provider: .rest(baseURL: "https://loyalty.example.com", authentication: .none),
        fieldGroups: [FieldGroup(
            name: "Membership", parameters: [SchemaField(name: "email", type: .string)],
            examplePayload: .object(OrderedFields([("tier", .string("gold"))])))])

    static let experiencePlatform = DataSourceConfig.experiencePlatform(profileFields: FieldSchema.inferred(from: .object(OrderedFields([
        ("loyalty", .object(OrderedFields([("tier", .string("gold")), ("points", .int(10))]))),
        ("country", .string("FR")),
    ]))))

    static func configuration(_ journeys: [Journey] = []) -> Configuration {
        Configuration(
            events: [signedUp, purchased, cancelled], dataSources: [experiencePlatform, loyalty],
            actions: [welcome, reminder], journeys: journeys)
    }

    /// A node at column `x` of the canvas.
    static func node(_ id: String, _ x: Double, _ activity: NodeActivity, _ transitions: [Transition] = [], y: Double = 0) -> JourneyNode {
        JourneyNode(id: id, label: id.capitalized, position: CanvasPosition(x: x, y: y), activity: activity, transitions: transitions)
    }

    static func next(_ target: String) -> Transition { Transition(.next, to: target) }

    static func journey(
        _ nodes: [JourneyNode], id: String = "j1", status: JourneyStatus = .live, properties: JourneyProperties = JourneyProperties()
    ) -> Journey {
        Journey(id: id, name: "Journey \(id)", version: .initial, versionId: "\(id)-v1", status: status, namespace: "Email",
                properties: properties, nodes: nodes)
    }

    /// W1: `signed_up` → condition `plan == "pro"` → wait 1 h → Welcome action.
    static let w1 = journey([
        node("start", 0, .event(EventActivity(event: "signed_up")), [next("pro")]),
        node("pro", 100, .condition(.dataSource([ConditionPath(label: "Pro", expression: "@event{signed_up.plan} == \"pro\"")])),
             [Transition(.path("Pro"), to: "wait")]),
        node("wait", 200, .wait(.duration(.hours(1))), [next("send")]),
        node("send", 300, .action(ActionActivity(
            action: "Welcome", parameters: ["email": "@event{signed_up.email}", "person.firstName": "@event{signed_up.firstName}"],
            headers: ["X-Plan": "@event{signed_up.plan}"])), [next("end")]),
        node("end", 400, .end),
    ])

    static func runnable(_ journey: Journey) throws -> RunnableJourney {
        try RunnableJourney(journey: journey, configuration: configuration([journey]))
    }

    static func signUp(_ plan: String = "pro", id: String = "evt-1", at time: Int64 = t0, extra: [(String, JSONValue)] = []) -> IncomingEvent {
        var fields: [(String, JSONValue)] = [
            ("_id", .string(id)), ("email", .string(person.id)), ("plan", .string(plan)), ("firstName", .string("Ada")),
        ]
        fields += extra
        return IncomingEvent(eventName: "signed_up", eventID: id, payload: .object(OrderedFields(fields)), timestamp: time)
    }

    static func event(_ name: String, id: String, fields: [(String, JSONValue)] = []) -> IncomingEvent {
        IncomingEvent(
            eventName: name, eventID: id,
            payload: .object(OrderedFields([("_id", .string(id)), ("email", .string(person.id))] + fields)), timestamp: t0)
    }

    static func context(_ now: Int64 = t0, profile: RuntimeProfile = RuntimeProfile(), audiences: Set<String> = [],
                        counters: [String: Int64] = [:], status: JourneyStatus? = nil, seed: UInt64 = 0) -> RuntimeContext {
        RuntimeContext(now: now, profile: profile, audiences: audiences, random: StableRandom(seed: seed), counters: counters,
                       journeyStatus: status)
    }

    /// Enters `journey` with `event`; records an issue and throws when the entry is refused.
    static func enter(
        _ journey: RunnableJourney, _ event: IncomingEvent = signUp(), previous: [PriorInstance] = [],
        context: RuntimeContext = context(), sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (JourneyInstance, [RuntimeEffect]) {
        switch JourneyInstance.enter(journey, event: event, profile: person, previous: previous, context: context) {
        case .entered(let instance, let effects): return (instance, effects)
        case .discarded(let reason, let message):
            Issue.record("refused: \(reason) \(message)", sourceLocation: sourceLocation)
            throw RuntimeError(.journeyInvalid, message)
        }
    }

    /// The reason an entry is refused, `nil` when the person enters.
    static func refusal(
        _ journey: RunnableJourney, _ event: IncomingEvent = signUp(), previous: [PriorInstance] = [],
        context: RuntimeContext = context()
    ) -> DiscardRecord.Reason? {
        if case .discarded(let reason, _) = JourneyInstance.enter(journey, event: event, profile: person, previous: previous, context: context) {
            return reason
        }
        return nil
    }
}

extension [RuntimeEffect] {
    var steps: [StepEvent] { compactMap { if case .step(let step) = $0 { step } else { nil } } }
    var timers: [TimerRequest] { compactMap { if case .scheduleTimer(let timer) = $0 { timer } else { nil } } }
    var cancelled: [String] { compactMap { if case .cancelTimer(let id) = $0 { id } else { nil } } }
    var calls: [ExternalCallRequest] { compactMap { if case .externalCall(let call) = $0 { call } else { nil } } }
    var ended: StepStatus? { lazy.compactMap { if case .instanceEnded(let status) = $0 { status } else { nil } }.first }
    /// `nodeID:stepStatus` of each step, in order.
    var path: [String] { steps.map { "\($0.nodeID):\($0.stepStatus.rawValue)" } }
    /// The first timer for a node other than the global one.
    func timer(for nodeID: String) -> TimerRequest? { timers.first { $0.payload.nodeID == nodeID && $0.payload.purpose != .globalTimeout && $0.payload.purpose != .journeyEnd } }
}

extension JourneyInstance {
    /// Fires the timer and handles it.
    mutating func fire(_ timer: TimerRequest, in journey: RunnableJourney, context: RuntimeContext) -> [RuntimeEffect] {
        handle(.timer(TimerFiring(timerID: timer.id, payload: timer.payload)), in: journey, context: context)
    }
}
