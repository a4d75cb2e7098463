import WaymarkCore

/// The configs and events of the benchmark workloads (W1, W2, W3) and the crash test.
public enum BenchWorkloads {
    /// The `signed_up` event's system-generated id, carried by every event sent.
    public static let signedUpEventID = "5a1e0b3c7d9f4e21a6b8c0d2e4f60718"
    /// The `purchased` event's system-generated id.
    public static let purchasedEventID = "9c2d4e6f8a0b4c1d3e5f7a9b1c3d5e7f"
    /// The instant the virtual clock starts at: 2026-01-01T00:00:00Z.
    public static let start: Int64 = 1_767_225_600_000
    /// One hour in milliseconds.
    public static let hour: Int64 = 3_600_000

    /// The events and the recorded action every workload uses.
    public static let commonDocuments = [
        """
        {"kind": "event", "id": "evt-signed-up", "name": "signed_up", "namespace": "Email",
         "eventIDType": {"kind": "systemGenerated", "eventID": "\(signedUpEventID)"},
         "schema": [{"name": "email", "type": "string", "required": true, "primaryIdentity": true},
                    {"name": "plan", "type": "string"}]}
        """,
        """
        {"kind": "event", "id": "evt-purchased", "name": "purchased", "namespace": "Email",
         "eventIDType": {"kind": "systemGenerated", "eventID": "\(purchasedEventID)"},
         "schema": [{"name": "email", "type": "string", "required": true, "primaryIdentity": true},
                    {"name": "orderId", "type": "string"}]}
        """,
        """
        {"kind": "action", "name": "BenchAction", "type": "message", "channel": "email", "template": "bench",
         "fields": [{"name": "recipient", "kind": "variable", "type": "string", "required": true}]}
        """,
    ]

    /// W1: `signed_up` → condition `plan == "pro"` → wait `wait` → action → end.
    public static func w1Journey(wait: String = "PT1H") -> String {
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
           "wait": {"type": "duration", "duration": "\(wait)"}, "transitions": [{"kind": "next", "target": "act"}]},
          {"id": "act", "kind": "action", "label": "Welcome", "position": {"x": 600, "y": 0}, "action": "BenchAction",
           "parameters": {"recipient": "@event{signed_up.email}"}, "transitions": [{"kind": "next", "target": "done"}]},
          {"id": "done", "kind": "end", "label": "Done", "position": {"x": 800, "y": 0}},
          {"id": "other", "kind": "end", "label": "Other plan", "position": {"x": 400, "y": 200}}
         ]}
        """
    }

    /// W2: `signed_up` → wait up to 24 h for `purchased`: action A when it comes, B on timeout.
    public static let w2Journey = """
        {"kind": "journey", "id": "w2", "name": "W2", "version": "1.0", "status": "live", "namespace": "Email",
         "properties": {"reentrance": {"allowed": false}},
         "nodes": [
          {"id": "signup", "kind": "event", "label": "Signed up", "position": {"x": 0, "y": 0}, "event": "signed_up",
           "transitions": [{"kind": "next", "target": "bought"}]},
          {"id": "bought", "kind": "event", "label": "Purchased?", "position": {"x": 200, "y": 0}, "event": "purchased",
           "timeout": "PT24H",
           "transitions": [{"kind": "next", "target": "a"}, {"kind": "timeout", "target": "b"}]},
          {"id": "a", "kind": "action", "label": "A", "position": {"x": 400, "y": 0}, "action": "BenchAction",
           "parameters": {"recipient": "@event{signed_up.email}"}, "transitions": [{"kind": "next", "target": "end-a"}]},
          {"id": "b", "kind": "action", "label": "B", "position": {"x": 400, "y": 200}, "action": "BenchAction",
           "parameters": {"recipient": "@event{signed_up.email}"}, "transitions": [{"kind": "next", "target": "end-b"}]},
          {"id": "end-a", "kind": "end", "label": "After A", "position": {"x": 600, "y": 0}},
          {"id": "end-b", "kind": "end", "label": "After B", "position": {"x": 600, "y": 200}}
         ]}
        """

    /// The documents of a workload: the common ones and `journey`.
    public static func documents(journey: String) throws -> [ConfigDocument] {
        try (commonDocuments + [journey]).map { text in try ConfigDocument.decode(from: Array(text.utf8)) }
    }

    /// The `signed_up` event of person `index` (id `s<index>`, or `s<index>-<round>` for later rounds).
    public static func signedUp(_ index: Int, round: Int = 0, timestamp: String = "2026-01-01T00:00:00Z") -> [UInt8] {
        let id = round == 0 ? "s\(index)" : "s\(index)-\(round)"
        return Array(
            """
            {"_id":"\(id)","timestamp":"\(timestamp)","eventType":"signup",\
            "_experience":{"campaign":{"orchestration":{"eventID":"\(signedUpEventID)"}}},\
            "email":"person\(index)@example.com","plan":"pro"}
            """.utf8)
    }

    /// The `purchased` event of person `index`.
    public static func purchased(_ index: Int, timestamp: String = "2026-01-01T01:00:00Z") -> [UInt8] {
        Array(
            """
            {"_id":"p\(index)","timestamp":"\(timestamp)","eventType":"commerce.purchases",\
            "_experience":{"campaign":{"orchestration":{"eventID":"\(purchasedEventID)"}}},\
            "email":"person\(index)@example.com","orderId":"o\(index)"}
            """.utf8)
    }
}
