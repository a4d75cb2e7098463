import WaymarkCore
import WaymarkWorkloads

/// The W1 journey of `waymark bench w1` (signed_up → condition `plan == "pro"` → wait 1 h →
/// action → end) built as the engine builds it, and the inputs of its people.
enum W1Workload {
    /// The instant people sign up: 2026-01-01T00:00:00Z.
    static let start = BenchWorkloads.start
    /// One hour in milliseconds.
    static let hour = BenchWorkloads.hour

    /// The runnable W1 journey, from the documents `waymark bench w1` publishes.
    static func journey() throws -> RunnableJourney {
        let configuration = Configuration(documents: try BenchWorkloads.documents(journey: BenchWorkloads.w1Journey()))
        return try RunnableJourney(journey: configuration.journeys[0], configuration: configuration)
    }

    /// Person `index`.
    static func profile(_ index: Int) -> ProfileKey { ProfileKey(namespace: "Email", id: "person\(index)@example.com") }

    /// The `signed_up` event of person `index`: the payload the W1 bench ingests
    /// (`BenchWorkloads.signedUp`), as the engine parses it.
    static func signedUp(_ index: Int) -> IncomingEvent {
        let orchestration = JSONValue.object(OrderedFields([("eventID", .string(BenchWorkloads.signedUpEventID))]))
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
