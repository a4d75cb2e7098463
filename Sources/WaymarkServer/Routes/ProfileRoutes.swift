import Foundation
import Hummingbird
import WaymarkCore
import WaymarkStore

/// The built-in profile store over the API (test profiles included).
///
/// - `GET /v1/profiles/{namespace}/{id}`: one profile.
/// - `PUT /v1/profiles/{namespace}/{id}` `{"attributes"?:{…},"testProfile"?:bool,"timeZone"?:…}`:
///   creates it or merges into it (attributes deep-merged; what is not sent stays).
/// - `POST /v1/profiles`: an import — CSV (`Content-Type: text/csv`: columns `namespace`, `id`,
///   optionally `testProfile` and `timeZone`, every other column an attribute, dotted names
///   nested, values as text) or JSON (one object, an array or NDJSON of
///   `{"namespace","id","attributes","testProfile","timeZone"}`). Valid rows are saved; refused
///   ones are named by line (`400 ERR_PROFILES_REJECTED`, the others saved all the same).
struct ProfileRoutes: Sendable {
    let store: any ProfileStore
    let limits: ServerSettings.Limits
    let now: @Sendable () -> Int64

    /// The profiles written per transaction during an import.
    static let chunkSize = 1_000

    /// A profile as sent: what to set, `nil` for what stays as stored.
    struct Upsert {
        var key: ProfileKey
        var attributes: JSONValue
        var testProfile: Bool?
        var timeZone: String?
    }

    func register(on routes: APIRouter) {
        routes.add(.get, "/v1/profiles/{namespace}/{id}", .permission(.manageProfiles)) { _, context, _ in
            let key = try Self.key(context)
            guard let profile = try await stored([key])[key] else { throw APIError.notFound("no profile \(key.namespace) \(key.id)") }
            return JSONResponse.make(Self.json(profile))
        }
        routes.add(.put, "/v1/profiles/{namespace}/{id}", .permission(.manageProfiles)) { request, context, _ in
            let key = try Self.key(context)
            let body = try await request.bodyBytes(upTo: limits.maximumConfigBytes)
            guard case .object(var fields)? = try? JSONValue(parsing: body) else {
                throw APIError.badRequest(#"the body is a JSON object: {"attributes":{…},"testProfile":…,"timeZone":…}"#, code: "ERR_PROFILE")
            }
            fields["namespace"] = .string(key.namespace)
            fields["id"] = .string(key.id)
            let upsert: Upsert
            switch Result(catching: { () throws(ProfileError) in try Self.upsert(.object(fields)) }) {
            case .success(let checked): upsert = checked
            case .failure(let error): throw APIError.badRequest(error.message, code: "ERR_PROFILE")
            }
            try await save([upsert])
            guard let profile = try await stored([key])[key] else { throw APIError.unavailable("the profile was not kept") }
            return JSONResponse.make(Self.json(profile))
        }
        routes.add(.post, "/v1/profiles", .permission(.manageProfiles)) { request, _, _ in
            try await importProfiles(request)
        }
    }

    func importProfiles(_ request: Request) async throws(APIError) -> Response {
        let body = try await request.bodyBytes(upTo: limits.maximumBodyBytes)
        let isCSV = request.headers[.contentType].map { $0.lowercased().hasPrefix("text/csv") } ?? false
        let rows = isCSV ? try Self.csvRows(body) : try Self.jsonRows(body)
        var refused: [JSONValue] = []
        var valid: [Upsert] = []
        for row in rows {
            switch row.upsert {
            case .success(let upsert): valid.append(upsert)
            case .failure(let error): refused.append(.fields(["line": .int(Int64(row.line)), "message": .string(error.message)]))
            }
        }
        var start = 0
        while start < valid.count {
            try await save(Array(valid[start..<min(start + Self.chunkSize, valid.count)]))
            start += Self.chunkSize
        }
        let document = JSONValue.fields(["imported": .int(Int64(valid.count)), "refused": .array(refused)])
        guard refused.isEmpty else {
            throw APIError(
                .badRequest, "ERR_PROFILES_REJECTED",
                "\(refused.count) of \(rows.count) profiles were refused (the others were saved); see details.refused",
                details: document)
        }
        return JSONResponse.make(document)
    }

    // MARK: Reading

    /// A problem with one profile of a request.
    struct ProfileError: Error {
        var message: String
    }

    /// The profiles of a JSON body (one object, an array or NDJSON), by line.
    static func jsonRows(_ body: [UInt8]) throws(APIError) -> [(line: Int, upsert: Result<Upsert, ProfileError>)] {
        let chunks: [EventChunk]
        do {
            chunks = try EventBatchSplitter.split(body)
        } catch {
            throw .badRequest(error.description, code: "ERR_PROFILES_BATCH")
        }
        return chunks.map { chunk in
            (chunk.line, Result { () throws(ProfileError) in
                guard let value = try? JSONValue(parsing: chunk.bytes) else { throw ProfileError(message: "not JSON") }
                return try upsert(value)
            })
        }
    }

    /// The profiles of a CSV body, by line.
    static func csvRows(_ body: [UInt8]) throws(APIError) -> [(line: Int, upsert: Result<Upsert, ProfileError>)] {
        let table: CSVTable
        do {
            table = try CSVTable(bytes: body)
        } catch {
            throw .badRequest("line \(error.line): \(error.message)", code: "ERR_PROFILES_BATCH")
        }
        guard let namespaceColumn = table.header.firstIndex(of: "namespace"), let idColumn = table.header.firstIndex(of: "id") else {
            throw .badRequest("the header names the columns namespace and id (then testProfile, timeZone and attributes)", code: "ERR_PROFILES_BATCH")
        }
        let testColumn = table.header.firstIndex(of: "testProfile")
        let zoneColumn = table.header.firstIndex(of: "timeZone")
        let attributeColumns = table.header.indices.filter { ![namespaceColumn, idColumn, testColumn, zoneColumn].contains($0) }
        return table.rows.map { row in
            (row.line, Result { () throws(ProfileError) in
                var attributes = JSONValue.object(OrderedFields())
                for column in attributeColumns where !row.fields[column].isEmpty {
                    attributes = attributes.setting(.string(row.fields[column]), atPath: table.header[column])
                }
                var fields = OrderedFields<JSONValue>()
                fields["namespace"] = .string(row.fields[namespaceColumn])
                fields["id"] = .string(row.fields[idColumn])
                fields["attributes"] = attributes
                if let testColumn, !row.fields[testColumn].isEmpty {
                    switch row.fields[testColumn].lowercased() {
                    case "true", "1", "yes": fields["testProfile"] = .bool(true)
                    case "false", "0", "no": fields["testProfile"] = .bool(false)
                    default: throw ProfileError(message: "testProfile is true or false, not \(row.fields[testColumn])")
                    }
                }
                if let zoneColumn, !row.fields[zoneColumn].isEmpty { fields["timeZone"] = .string(row.fields[zoneColumn]) }
                return try upsert(.object(fields))
            })
        }
    }

    /// A profile object checked: namespace and id non-empty text, attributes an object, a
    /// boolean test flag, a known IANA time zone.
    static func upsert(_ value: JSONValue) throws(ProfileError) -> Upsert {
        guard case .object(let fields) = value else { throw ProfileError(message: "a profile is a JSON object") }
        guard case .string(let namespace)? = fields["namespace"], !namespace.isEmpty else {
            throw ProfileError(message: "namespace: a non-empty string is required")
        }
        guard case .string(let id)? = fields["id"], !id.isEmpty else { throw ProfileError(message: "id: a non-empty string is required") }
        var upsert = Upsert(key: ProfileKey(namespace: namespace, id: id), attributes: .object(OrderedFields()))
        switch fields["attributes"] {
        case nil, .null?: break
        case .object?: upsert.attributes = fields["attributes"]!
        default: throw ProfileError(message: "attributes: an object is expected")
        }
        switch fields["testProfile"] {
        case nil, .null?: break
        case .bool(let flag)?: upsert.testProfile = flag
        default: throw ProfileError(message: "testProfile: true or false is expected")
        }
        switch fields["timeZone"] {
        case nil, .null?: break
        case .string(let zone)? where TimeZone(identifier: zone) != nil: upsert.timeZone = zone
        default: throw ProfileError(message: "timeZone: an IANA time zone such as Europe/Paris is expected")
        }
        return upsert
    }

    // MARK: Store

    private func stored(_ keys: [ProfileKey]) async throws(APIError) -> [ProfileKey: ProfileRecord] {
        do {
            return try await store.profiles(keys)
        } catch {
            throw .unavailable("profiles cannot be read: \(error.message)")
        }
    }

    /// Saves profiles; a flag or time zone not sent keeps its stored value.
    private func save(_ upserts: [Upsert]) async throws(APIError) {
        let existing = try await stored(upserts.map(\.key))
        let at = now()
        let records = upserts.map { upsert in
            ProfileRecord(
                key: upsert.key, attributes: upsert.attributes,
                isTestProfile: upsert.testProfile ?? existing[upsert.key]?.isTestProfile ?? false,
                timeZone: upsert.timeZone ?? existing[upsert.key]?.timeZone, updatedAt: at)
        }
        do {
            try await store.upsertProfiles(records)
        } catch {
            throw .unavailable("profiles cannot be saved: \(error.message)")
        }
    }

    private static func key(_ context: BasicRequestContext) throws(APIError) -> ProfileKey {
        guard let namespace = context.parameters.get("namespace"), let id = context.parameters.get("id"), !namespace.isEmpty, !id.isEmpty
        else { throw .badRequest("the path names a profile: /v1/profiles/{namespace}/{id}") }
        return ProfileKey(namespace: namespace, id: id)
    }

    /// A profile's JSON.
    static func json(_ profile: ProfileRecord) -> JSONValue {
        var fields = OrderedFields<JSONValue>()
        fields["namespace"] = .string(profile.key.namespace)
        fields["id"] = .string(profile.key.id)
        fields["testProfile"] = .bool(profile.isTestProfile)
        fields["timeZone"] = profile.timeZone.map(JSONValue.string) ?? .null
        fields["identities"] = .array(profile.identities.map(IngestionResultDocument.profile))
        fields["attributes"] = profile.attributes
        fields["updatedAt"] = .int(profile.updatedAt)
        return .object(fields)
    }
}
