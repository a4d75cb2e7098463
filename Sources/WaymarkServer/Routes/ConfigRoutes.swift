import Hummingbird
import WaymarkConnectors
import WaymarkCore
import WaymarkEngine

/// The configuration API: events, data sources, actions and journey versions as JSON documents
/// (the formats of docs/model.md). Secrets are never answered (`<redacted>`); they are sealed at
/// rest by the store.
///
/// - `GET /v1/config[?kind=event|dataSource|action|journey]`: every stored document.
/// - `GET /v1/config/{kind}/{name}`: one document (a journey by its id: every version).
/// - `PUT /v1/config/{kind}/{name}`: creates or replaces one event, data source or action
///   (`422` with the issues when it has errors, or changes what journeys rely on); answers
///   `{"config":…,"issues":[…]}`. Secrets sent `<redacted>` keep their stored values.
/// - `DELETE /v1/config/{kind}/{name}`: deletes one no journey version uses.
/// - `POST /v1/config/validate`: the issues of one document, not saved.
/// - `POST /v1/config/infer`: the fields of an example payload, to paste into a schema.
/// - `POST /v1/config/{kind}/{name}/test-authentication`: a data source's or an action's stored
///   authentication tried (a custom one's token endpoint called).
/// - `POST /v1/config`: saves a list of documents together (an import; journeys included) and
///   runs with them; refused whole (`422`) when a journey version among them cannot run.
struct ConfigRoutes: Sendable {
    let engine: Engine
    let limits: ServerSettings.Limits
    let access: AccessControl
    /// Where authentication tests send their token requests.
    let transport: any HTTPTransport

    static let kinds: Set<String> = ["event", "dataSource", "action", "journey"]

    func register(on routes: APIRouter) {
        routes.add(.get, "/v1/config", .permission(.readConfig)) { request, _, _ in
            try await list(kind: request.uri.queryParameters["kind"].map(String.init))
        }
        routes.add(.get, "/v1/config/{kind}/{name}", .permission(.readConfig)) { _, context, _ in
            try await one(kind: context.parameters.get("kind") ?? "", name: context.parameters.get("name") ?? "")
        }
        routes.add(.put, "/v1/config/{kind}/{name}", .permission(.manageConfig)) { request, context, principal in
            try await put(request, kind: context.parameters.get("kind") ?? "", name: context.parameters.get("name") ?? "", by: principal!)
        }
        routes.add(.delete, "/v1/config/{kind}/{name}", .permission(.manageConfig)) { _, context, principal in
            try await delete(kind: context.parameters.get("kind") ?? "", name: context.parameters.get("name") ?? "", by: principal!)
        }
        routes.add(.post, "/v1/config/validate", .permission(.readConfig)) { request, _, _ in
            let document = try Self.decode(try await request.bodyBytes(upTo: limits.maximumConfigBytes))
            return JSONResponse.make(JourneyRoutes.issuesDocument(engine.validationIssues(of: document)))
        }
        routes.add(.post, "/v1/config/{kind}/{name}/test-authentication", .permission(.manageConfig)) { _, context, _ in
            try await testAuthentication(kind: context.parameters.get("kind") ?? "", name: context.parameters.get("name") ?? "")
        }
        routes.add(.post, "/v1/config/infer", .permission(.readConfig)) { request, _, _ in
            try await infer(request)
        }
        routes.add(.post, "/v1/config", .permission(.manageConfig)) { request, _, principal in
            try await importDocuments(request, by: principal!)
        }
    }

    func list(kind: String?) async throws(APIError) -> Response {
        if let kind { try Self.check(kind: kind) }
        let documents = try await stored().filter { kind == nil || $0.kind == kind }
        return JSONResponse.make(.fields(["configs": .array(try documents.map(Self.json))]))
    }

    func one(kind: String, name: String) async throws(APIError) -> Response {
        try Self.check(kind: kind)
        let matching = try await stored().filter { $0.kind == kind && Self.identifier(of: $0) == name }
        guard let first = matching.first else { throw .notFound("no \(kind) named \(name)") }
        if kind == "journey" { return JSONResponse.make(.fields(["versions": .array(try matching.map(Self.json))])) }
        return JSONResponse.make(try Self.json(first))
    }

    func put(_ request: Request, kind: String, name: String, by principal: Principal) async throws(APIError) -> Response {
        try Self.check(kind: kind)
        guard kind != "journey" else {
            throw .badRequest("journey versions are saved with POST /v1/config (with their status)", code: "ERR_CONFIG_KIND")
        }
        let document = try Self.decode(try await request.bodyBytes(upTo: limits.maximumConfigBytes))
        guard document.kind == kind, document.name == name else {
            throw .badRequest(
                "the body is the \(document.kind) \(document.name), the path names the \(kind) \(name)", code: "ERR_CONFIG_MISMATCH")
        }
        let issues = try await JourneyRoutes.run { () async throws(EngineError) in try await engine.saveConfig(document) }
        await access.record(principal, "config.save", "\(kind) \(name)")
        return JSONResponse.make(.fields(["config": try Self.json(document), "issues": JourneyRoutes.issues(issues)]))
    }

    /// The fields of an example payload (an event, a data source's or an action's response), as
    /// an event's `schema` or a field group's `fields` are written: `{"fields":[…]}`.
    func infer(_ request: Request) async throws(APIError) -> Response {
        let body = try await request.bodyBytes(upTo: limits.maximumConfigBytes)
        guard case .object? = try? JSONValue(parsing: body), let example = try? JSONValue(parsing: body) else {
            throw .badRequest("the body is an example payload: a JSON object", code: "ERR_CONFIG_DECODING")
        }
        do {
            let fields = try JSONValue(parsing: Array(ConfigCoder.encode(FieldSchema.inferred(from: example))))
            return JSONResponse.make(.fields(["fields": fields]))
        } catch {
            throw APIError(.internalServerError, "ERR_INTERNAL", "the inferred fields cannot be written: \(error)")
        }
    }

    /// Tests the stored authentication of a data source or an action (a custom authentication's
    /// token endpoint is called): `{"succeeded","message","expiresAt"?}`.
    func testAuthentication(kind: String, name: String) async throws(APIError) -> Response {
        try Self.check(kind: kind)
        guard let document = try await stored().first(where: { $0.kind == kind && $0.name == name }) else {
            throw .notFound("no \(kind) named \(name)")
        }
        let authentication: Authentication
        switch document {
        case .dataSource(let dataSource):
            guard case .rest(_, let rest) = dataSource.provider else {
                throw .badRequest("\(name) is the built-in profile store: it has no authentication", code: "ERR_NO_AUTHENTICATION")
            }
            authentication = rest
        case .action(let action):
            guard case .custom(let custom) = action.definition else {
                throw .badRequest("\(name) is a message action: it has no authentication", code: "ERR_NO_AUTHENTICATION")
            }
            authentication = custom.authentication
        case .event, .journey:
            throw .badRequest("only data sources and actions have an authentication", code: "ERR_NO_AUTHENTICATION")
        }
        let check = await AuthenticationCheck.run(authentication, transport: transport)
        var answer = OrderedFields<JSONValue>()
        answer["succeeded"] = .bool(check.succeeded)
        answer["message"] = .string(check.message)
        if let expiresAt = check.expiresAt { answer["expiresAt"] = .int(expiresAt) }
        return JSONResponse.make(.object(answer))
    }

    func delete(kind: String, name: String, by principal: Principal) async throws(APIError) -> Response {
        try Self.check(kind: kind)
        guard kind != "journey" else {
            throw .badRequest("journey versions are deleted with DELETE /v1/journeys/{id}/versions/{version}", code: "ERR_CONFIG_KIND")
        }
        guard let document = try await stored().first(where: { $0.kind == kind && $0.name == name }) else {
            throw .notFound("no \(kind) named \(name)")
        }
        try await JourneyRoutes.run { () async throws(EngineError) in try await engine.deleteConfig(document) }
        await access.record(principal, "config.delete", "\(kind) \(name)")
        return Response(status: .noContent)
    }

    func importDocuments(_ request: Request, by principal: Principal) async throws(APIError) -> Response {
        let body = try await request.bodyBytes(upTo: limits.maximumConfigBytes)
        let list: JSONValue
        do {
            list = try JSONValue(parsing: body)
        } catch {
            throw .badRequest("the body is not JSON: \(error)", code: "ERR_CONFIG_DECODING")
        }
        guard case .object(let fields) = list, case .array(let items)? = fields["configs"] else {
            throw .badRequest(#"the body is {"configs":[…]}: a list of config documents"#, code: "ERR_CONFIG_DECODING")
        }
        var documents: [ConfigDocument] = []
        for (index, item) in items.enumerated() {
            do {
                documents.append(try ConfigDocument.decode(from: item.serializedBytes()))
            } catch {
                throw .badRequest("configs[\(index)].\(error.description)", code: "ERR_CONFIG_DECODING")
            }
        }
        // Journeys among them need the journey permissions too: publishing when not drafts.
        let journeys = documents.compactMap { document -> Journey? in
            if case .journey(let journey) = document { return journey }
            return nil
        }
        if !journeys.isEmpty { try principal.require(.manageJourneys) }
        if journeys.contains(where: { $0.status != .draft }) { try principal.require(.publishJourneys) }
        let issues = try await JourneyRoutes.run { () async throws(EngineError) in try await engine.publish(documents) }
        for document in documents { await access.record(principal, "config.save", "\(document.kind) \(Self.identifier(of: document))") }
        return JSONResponse.make(.fields(["configs": .array(try documents.map(Self.json)), "issues": JourneyRoutes.issues(issues)]))
    }

    // MARK: Helpers

    private func stored() async throws(APIError) -> [ConfigDocument] {
        do {
            return try await engine.store.configs()
        } catch {
            throw .unavailable("the configs cannot be read: \(error.message)")
        }
    }

    static func check(kind: String) throws(APIError) {
        guard kinds.contains(kind) else {
            throw .notFound("no config kind \(kind): one of \(kinds.sorted().joined(separator: ", "))")
        }
    }

    /// The name a document is found by: a journey's id, anything else's name.
    static func identifier(of document: ConfigDocument) -> String {
        if case .journey(let journey) = document { return journey.id }
        return document.name
    }

    static func decode(_ body: [UInt8]) throws(APIError) -> ConfigDocument {
        do {
            return try ConfigDocument.decode(from: body)
        } catch {
            throw .badRequest(error.description, code: "ERR_CONFIG_DECODING")
        }
    }

    /// A document's JSON, secrets redacted.
    static func json(_ document: ConfigDocument) throws(APIError) -> JSONValue {
        do {
            return try JSONValue(parsing: Array(ConfigCoder.encode(document.redacted())))
        } catch {
            throw APIError(.internalServerError, "ERR_INTERNAL", "the \(document.kind) \(document.name) cannot be written: \(error)")
        }
    }
}
