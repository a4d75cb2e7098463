import WaymarkCore

/// The W1 journey of `waymark bench w1` (signed_up → condition `plan == "pro"` → wait 1 h →
/// action → end) built as the engine builds it, and the inputs of its people.
enum W1Workload {
    /// The instant people sign up: 2026-01-01T00:00:00Z.
    static let start: Int64 = 1_767_225_600_000
    /// One hour in milliseconds.
    static let hour: Int64 = 3_600_000

    /// The documents of `BenchWorkloads` (Sources/waymark/Commands/BenchWorkloads.swift) for W1.
    static let documents = [
        """
        {"kind": "event", "id": "evt-signed-up", "name": "signed_up", "namespace": "Email",
         "eventIDType": {"kind": "systemGenerated", "eventID": "5a1e0b3c7d9f4e21a6b8c0d2e4f60718"},
         "schema": [{"name": "email", "type": "string", "required": true, "primaryIdentity": true},
                    {"name": "plan", "type": "string"}]}
        """,
        """
        {"kind": "action", "name": "BenchAction", "type": "message", "channel": "email", "template": "bench",
         "fields": [{"name": "recipient", "kind": "variable", "type": "string", "required": true}]}
        """,
        """
        {"kind": "journey", "id": "w1", "name": "W1", "version": "1.0", "status": "live", "namespace": "Email",
         "properties": {"reentrance": {"allowed": false}},
         "nodes": [
          {"id": "signup", "kind": "event", "label": "Signed up", "position": {"x": 0, "y": 0}, "event": "signed_up",
           "transitions": [{"kind": "next", "target": "pro"}]},
          {"id": "pro", "kind": "condition", "label": "Pro plan?", "position": {"x": 200, "y": 0},
           "condition": {"type": "dataSource", "paths": [{"label": "Pro", "expression": "@event{signed_up.plan} == \\"pro\\""}]},
           "transitions": [{"kind": "path", "label": "Pro", "target": "wait"}, {"kind": "otherCases", "target": "other"}]},
          {"id": "wait", "kind": "wait", "label": "Wait", "position": {"x": 400, "y": 0},
           "wait": {"type": "duration", "duration": "PT1H"}, "transitions": [{"kind": "next", "target": "act"}]},
          {"id": "act", "kind": "action", "label": "Welcome", "position": {"x": 600, "y": 0}, "action": "BenchAction",
           "parameters": {"recipient": "@event{signed_up.email}"}, "transitions": [{"kind": "next", "target": "done"}]},
          {"id": "done", "kind": "end", "label": "Done", "position": {"x": 800, "y": 0}},
          {"id": "other", "kind": "end", "label": "Other plan", "position": {"x": 400, "y": 200}}
         ]}
        """,
    ]

    /// The runnable W1 journey.
    static func journey() throws -> RunnableJourney {
        let configuration = Configuration(documents: try documents.map { try ConfigDocument.decode(from: Array($0.utf8)) })
        return try RunnableJourney(journey: configuration.journeys[0], configuration: configuration)
    }

    /// Person `index`.
    static func profile(_ index: Int) -> ProfileKey { ProfileKey(namespace: "Email", id: "person\(index)@example.com") }

    /// The `signed_up` event of person `index`: the payload the W1 bench ingests
    /// (`BenchWorkloads.signedUp`), as the engine parses it.
    static func signedUp(_ index: Int) -> IncomingEvent {
        let orchestration = JSONValue.object(OrderedFields([("eventID", .string("5a1e0b3c7d9f4e21a6b8c0d2e4f60718"))]))
        let payload = JSONValue.object(OrderedFields([
            ("_id", .string("s\(index)")), ("timestamp", .string("2026-01-01T00:00:00Z")), ("eventType", .string("signup")),
            ("_experience", .object(OrderedFields([("campaign", .object(OrderedFields([("orchestration", orchestration)])))]))),
            ("email", .string("person\(index)@example.com")), ("plan", .string("pro")),
        ]))
        return IncomingEvent(eventName: "signed_up", eventID: "s\(index)", payload: payload, timestamp: start)
    }

    /// The context of an input handled at `now`, as a partition worker builds it.
    static func context(now: Int64) -> RuntimeContext {
        RuntimeContext(now: now, random: StableRandom(), journeyStatus: .live)
    }
}
