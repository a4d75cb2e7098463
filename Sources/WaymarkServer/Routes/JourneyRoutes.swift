import Hummingbird
import WaymarkCore
import WaymarkEngine
import WaymarkStore

/// The journey lifecycle API. A version is addressed as `/v1/journeys/{id}/versions/{version}`
/// (`version` such as `1.0`); refused steps answer `422` with the rules' codes in
/// `details.issues`.
///
/// - `GET /v1/journeys`: every journey with its versions' statuses.
/// - `POST /v1/journeys`: saves a journey version (a new draft, or an edit: drafts freely,
///   published versions only their name, description and labels); answers its issues.
/// - `POST /v1/journeys/validate`: the issues of a journey document, not saved.
/// - `GET /v1/journeys/{id}`, `GET /v1/journeys/{id}/export`: the versions; the bundle with the
///   events, data sources and actions, secrets redacted (import it with `POST /v1/config`).
/// - `POST /v1/journeys/{id}/versions`: the draft of a new version from the latest published one.
/// - `POST /v1/journeys/{id}/duplicate` `{"id","name","version"?}`: a copy as a new journey.
/// - `GET|PUT|DELETE …/versions/{version}`; `POST …/validate`, `…/publish`, `…/close`, `…/stop`;
///   `POST|DELETE …/test-mode`.
struct JourneyRoutes: Sendable {
    let engine: Engine
    let limits: ServerSettings.Limits
    let access: AccessControl

    static let versionPath = "/v1/journeys/{id}/versions/{version}"

    func register(on routes: APIRouter) {
        routes.add(.get, "/v1/journeys", .permission(.readJourneys)) { _, _, _ in try await list() }
        routes.add(.post, "/v1/journeys", .permission(.manageJourneys)) { request, _, principal in
            try await save(try await journey(in: request), by: principal!)
        }
        routes.add(.post, "/v1/journeys/validate", .permission(.readJourneys)) { request, _, _ in
            JSONResponse.make(Self.issuesDocument(engine.validationIssues(of: .journey(try await journey(in: request)))))
        }
        routes.add(.get, "/v1/journeys/{id}", .permission(.readJourneys)) { _, context, _ in
            let id = try Self.id(context)
            let versions = try await Self.run { () async throws(EngineError) in try await engine.journeyVersions(id: id) }
            return JSONResponse.make(.fields(["versions": .array(try versions.map { try ConfigRoutes.json(.journey($0)) })]))
        }
        routes.add(.get, "/v1/journeys/{id}/export", .permission(.readConfig)) { _, context, _ in
            let id = try Self.id(context)
            let documents = try await Self.run { () async throws(EngineError) in try await engine.exportJourney(id: id) }
            return JSONResponse.make(.fields(["configs": .array(try documents.map(ConfigRoutes.json))]))
        }
        routes.add(.post, "/v1/journeys/{id}/versions", .permission(.manageJourneys)) { _, context, principal in
            let id = try Self.id(context)
            let created = try await Self.run { () async throws(EngineError) in try await engine.createJourneyVersion(from: id) }
            await access.record(principal!, "journey.newVersion", Self.target(created))
            return JSONResponse.make(try ConfigRoutes.json(.journey(created)), status: .created)
        }
        routes.add(
            .post, "/v1/journeys/{id}/duplicate", .permission(.manageJourneys),
            body: .objectSchema(strings: ["id", "name"])
        ) { request, context, principal in
            try await duplicate(request, id: try Self.id(context), by: principal!)
        }
        registerVersionRoutes(on: routes)
    }

    private func registerVersionRoutes(on routes: APIRouter) {
        let path = Self.versionPath
        routes.add(.get, path, .permission(.readJourneys)) { _, context, _ in
            JSONResponse.make(try ConfigRoutes.json(.journey(try await version(context))))
        }
        routes.add(.put, path, .permission(.manageJourneys)) { request, context, principal in
            let journey = try await journey(in: request)
            let (id, number) = try Self.address(context)
            guard journey.id == id, journey.version == number else {
                throw APIError.badRequest(
                    "the body is journey \(journey.id) \(journey.version), the path names \(id) \(number)", code: "ERR_CONFIG_MISMATCH")
            }
            return try await save(journey, by: principal!)
        }
        routes.add(.delete, path, .permission(.manageJourneys)) { _, context, principal in
            let (id, number) = try Self.address(context)
            try await Self.run { () async throws(EngineError) in try await engine.deleteJourneyVersion(id: id, version: number) }
            await access.record(principal!, "journey.delete", "\(id) \(number)")
            return Response(status: .noContent)
        }
        routes.add(.post, path + "/validate", .permission(.readJourneys)) { _, context, _ in
            JSONResponse.make(Self.issuesDocument(engine.validationIssues(of: .journey(try await version(context)))))
        }
        let steps: [(String, HTTPRequest.Method, JourneyStatus, Permission, String)] = [
            ("/test-mode", .post, .draftTest, .publishJourneys, "journey.testMode.start"),
            ("/test-mode", .delete, .draft, .publishJourneys, "journey.testMode.stop"),
            ("/publish", .post, .live, .publishJourneys, "journey.publish"),
            ("/close", .post, .closed, .manageJourneys, "journey.close"),
            ("/stop", .post, .stopped, .manageJourneys, "journey.stop"),
        ]
        for (suffix, method, status, permission, action) in steps {
            routes.add(method, path + suffix, .permission(permission)) { _, context, principal in
                let (id, number) = try Self.address(context)
                let changed = try await Self.run { () async throws(EngineError) in
                    try await engine.changeStatus(journey: id, version: number, to: status)
                }
                await access.record(principal!, action, Self.target(changed))
                return JSONResponse.make(try ConfigRoutes.json(.journey(changed)))
            }
        }
    }

    // MARK: Handlers

    func list() async throws(APIError) -> Response {
        let versions = try await Self.run { () async throws(EngineError) in try await engine.journeyVersions() }
        var journeys: [JSONValue] = []
        for (id, group) in Dictionary(grouping: versions, by: \.id).sorted(by: { $0.key < $1.key }) {
            journeys.append(.fields([
                "id": .string(id), "name": .string(group.last!.name),
                "versions": .array(group.map { journey in
                    .fields([
                        "version": .string(journey.version.description), "status": .string(journey.status.rawValue),
                        "versionId": .string(journey.runtimeVersionID), "name": .string(journey.name),
                    ])
                }),
            ]))
        }
        return JSONResponse.make(.fields(["journeys": .array(journeys)]))
    }

    func save(_ journey: Journey, by principal: Principal) async throws(APIError) -> Response {
        let issues = try await Self.run { () async throws(EngineError) in try await engine.saveJourney(journey) }
        await access.record(principal, "journey.save", Self.target(journey))
        return JSONResponse.make(.fields(["journey": try ConfigRoutes.json(.journey(journey)), "issues": Self.issues(issues)]))
    }

    func duplicate(_ request: Request, id: String, by principal: Principal) async throws(APIError) -> Response {
        let body = try await request.bodyBytes(upTo: limits.maximumConfigBytes)
        guard case .object(let fields)? = try? JSONValue(parsing: body), case .string(let newID)? = fields["id"],
            case .string(let name)? = fields["name"]
        else { throw .badRequest(#"the body is {"id":…,"name":…} (and "version" to copy another than the latest)"#) }
        var version: JourneyVersion?
        if let field = fields["version"] {
            guard case .string(let text) = field, let parsed = JourneyVersion(text) else {
                throw .badRequest(#""version" is a version such as "1.0""#)
            }
            version = parsed
        }
        let copy = try await Self.run { () async throws(EngineError) in
            var source = version
            if source == nil { source = try await engine.journeyVersions(id: id).last!.version }
            return try await engine.duplicateJourney(id: id, version: source!, as: newID, name: name)
        }
        await access.record(principal, "journey.duplicate", "\(id) as \(newID)")
        return JSONResponse.make(try ConfigRoutes.json(.journey(copy)), status: .created)
    }

    // MARK: Helpers

    private func version(_ context: BasicRequestContext) async throws(APIError) -> Journey {
        let (id, number) = try Self.address(context)
        return try await Self.run { () async throws(EngineError) in try await engine.journeyVersion(id: id, version: number) }
    }

    /// The journey document of the request body.
    private func journey(in request: Request) async throws(APIError) -> Journey {
        let document = try ConfigRoutes.decode(try await request.bodyBytes(upTo: limits.maximumConfigBytes))
        guard case .journey(let journey) = document else {
            throw .badRequest("the body is a \(document.kind), not a journey", code: "ERR_CONFIG_KIND")
        }
        return journey
    }

    private static func id(_ context: BasicRequestContext) throws(APIError) -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty else { throw .badRequest("the path names no journey") }
        return id
    }

    static func address(_ context: BasicRequestContext) throws(APIError) -> (String, JourneyVersion) {
        let text = context.parameters.get("version") ?? ""
        guard let version = JourneyVersion(text) else { throw .notFound("no journey version \(text): versions are written like 1.0") }
        return (try id(context), version)
    }

    private static func target(_ journey: Journey) -> String { "\(journey.id) \(journey.version)" }

    static func issues(_ issues: [ValidationIssue]) -> JSONValue { .array(issues.map(\.jsonValue)) }

    /// `{"valid": no errors, "errors": n, "warnings": n, "issues": […]}`.
    static func issuesDocument(_ issues: [ValidationIssue]) -> JSONValue {
        let errors = issues.count { $0.severity == .error }
        return .fields([
            "valid": .bool(errors == 0), "errors": .int(Int64(errors)), "warnings": .int(Int64(issues.count - errors)),
            "issues": Self.issues(issues),
        ])
    }

    /// Runs an engine operation, its failure as the API's error.
    static func run<T>(_ operation: () async throws(EngineError) -> T) async throws(APIError) -> T {
        do {
            return try await operation()
        } catch {
            throw APIError(error)
        }
    }
}

extension APIError {
    /// The API's answer to an engine failure: 404 unknown, 422 refused (with the issues), 503 store.
    init(_ error: EngineError) {
        switch error.code {
        case .notFound:
            self = .notFound(error.message)
        case .invalidChange, .journeyCannotRun:
            self.init(
                .unprocessableContent, error.code.rawValue, error.message,
                details: error.issues.isEmpty ? nil : .fields(["issues": JourneyRoutes.issues(error.issues)]))
        case .store, .notIdle:
            self = .unavailable(error.message)
        }
    }
}
