import Hummingbird
import WaymarkCore
import WaymarkEngine
import WaymarkStore

/// Test mode of a journey version (`draftTest`, turned on and off by `…/test-mode`):
///
/// - `POST /v1/journeys/{id}/versions/{version}/test-events`: events for test profiles, read and
///   answered as `POST /v1/events` does; refused (`422`) when the version is not in test mode or
///   when they could bring more than 100 test profiles into it.
/// - `GET /v1/journeys/{id}/versions/{version}/test-log?namespace=…&id=…`: one person's test
///   runs, each with its steps (node, status, fetched data, transitions, calls with their answers
///   and errors) and where it stands now. Cleared when test mode ends.
struct TestModeRoutes: Sendable {
    let engine: Engine
    let events: EventRoutes

    func register(on routes: APIRouter) {
        routes.add(.post, JourneyRoutes.versionPath + "/test-events", .permission(.publishJourneys)) { request, context, _ in
            let (id, version) = try JourneyRoutes.address(context)
            return try await events.ingest(request) { batch throws(APIError) in
                try await JourneyRoutes.run { () async throws(EngineError) in
                    try await engine.ingestTestEvents(batch, journey: id, version: version)
                }
            }
        }
        routes.add(.get, JourneyRoutes.versionPath + "/test-log", .permission(.readJourneys)) { request, context, _ in
            let (id, version) = try JourneyRoutes.address(context)
            guard let namespace = request.uri.queryParameters["namespace"].map(String.init),
                let person = request.uri.queryParameters["id"].map(String.init), !namespace.isEmpty, !person.isEmpty
            else { throw APIError.badRequest("name the person: ?namespace=…&id=…") }
            let profile = ProfileKey(namespace: namespace, id: person)
            let runs = try await JourneyRoutes.run { () async throws(EngineError) in
                try await engine.testLog(journey: id, version: version, profile: profile)
            }
            return JSONResponse.make(.fields([
                "profile": IngestionResultDocument.profile(profile),
                "runs": .array(try runs.map { run throws(APIError) in try Self.json(run.instance, run.steps) }),
            ]))
        }
    }

    /// One test run: the instance, where it stands (its last step) and every step.
    static func json(_ instance: InstanceRecord, _ steps: [StepEvent]) throws(APIError) -> JSONValue {
        var run = OrderedFields<JSONValue>()
        run["instanceId"] = .string(instance.instanceID)
        run["active"] = .bool(instance.isActive)
        run["enteredAt"] = .int(instance.enteredAt)
        if let last = steps.last {
            run["current"] = .fields(["node": .string(last.nodeID), "status": .string(last.stepStatus.rawValue)])
        }
        do {
            run["steps"] = try JSONValue(parsing: Array(ConfigCoder.encode(steps)))
        } catch {
            throw APIError(.internalServerError, "ERR_INTERNAL", "the steps of \(instance.instanceID) cannot be written: \(error)")
        }
        return .object(run)
    }
}
