import Foundation
import Hummingbird
import WaymarkCore
import WaymarkStore

/// Signing in and out, who am I, users, API tokens and the audit log.
///
/// - `POST /v1/sessions` `{"name","password"}` → `201 {"token","role","expiresAt"}` (open).
/// - `POST /v1/sessions/end`: signs out the bearer (its session token or API token stops working).
/// - `GET /v1/me`: the caller's name, kind and role, with its permissions.
/// - `GET|POST /v1/users`, `POST /v1/tokens` (the secret is answered once), `GET /v1/audit`:
///   `manageUsers`.
struct AccessRoutes: Sendable {
    let access: AccessControl

    func register(on routes: APIRouter) {
        let roles = Role.allCases.map(\.rawValue)
        routes.add(.post, "/v1/sessions", .open, body: .objectSchema(strings: ["name", "password"])) { request, _, _ in
            let fields = try await Self.fields(request)
            let session = try await access.signIn(name: try Self.text(fields, "name"), password: try Self.text(fields, "password"))
            return JSONResponse.make(
                .fields([
                    "token": .string(session.token), "name": .string(session.principal.name), "role": .string(session.principal.role.rawValue),
                    "expiresAt": .int(session.expiresAt),
                ]), status: .created)
        }
        routes.add(.post, "/v1/sessions/end", .signedIn) { request, _, _ in
            try await access.signOut(request)
            return Response(status: .noContent)
        }
        routes.add(.get, "/v1/me", .signedIn) { _, _, principal in
            guard let principal else { throw APIError(.unauthorized, "ERR_UNAUTHENTICATED", "not signed in") }
            return JSONResponse.make(.fields([
                "name": .string(principal.name), "kind": .string(principal.kind.rawValue), "role": .string(principal.role.rawValue),
                "permissions": .array(principal.role.permissions.map(\.rawValue).sorted().map(JSONValue.string)),
            ]))
        }
        routes.add(.get, "/v1/users", .permission(.manageUsers)) { _, _, _ in
            let users: [UserRecord]
            do {
                users = try await access.store.users()
            } catch {
                throw APIError.unavailable("\(error)")
            }
            return JSONResponse.make(.fields([
                "users": .array(users.map { .fields(["name": .string($0.name), "role": .string($0.role.rawValue), "createdAt": .int($0.createdAt)]) })
            ]))
        }
        routes.add(
            .post, "/v1/users", .permission(.manageUsers), body: .objectSchema(strings: ["name", "role", "password"], enums: ["role": roles])
        ) { request, _, principal in
            let fields = try await Self.fields(request)
            let name = try Self.text(fields, "name")
            let role = try Self.role(fields)
            try await access.createUser(name: name, role: role, password: try Self.text(fields, "password"), by: principal!)
            return JSONResponse.make(.fields(["name": .string(name), "role": .string(role.rawValue)]), status: .created)
        }
        routes.add(.post, "/v1/tokens", .permission(.manageUsers), body: .objectSchema(strings: ["name", "role"], enums: ["role": roles])) {
            request, _, principal in
            let fields = try await Self.fields(request)
            let name = try Self.text(fields, "name")
            let role = try Self.role(fields)
            let token = try await access.createToken(name: name, role: role, by: principal!)
            return JSONResponse.make(.fields(["name": .string(name), "role": .string(role.rawValue), "token": .string(token)]), status: .created)
        }
        routes.add(.get, "/v1/audit", .permission(.manageUsers)) { _, _, _ in
            let log: [AuditRecord]
            do {
                log = try await access.store.auditLog(limit: 1_000)
            } catch {
                throw APIError.unavailable("\(error)")
            }
            return JSONResponse.make(.fields([
                "entries": .array(log.map {
                    .fields(["at": .int($0.at), "actor": .string($0.actor), "action": .string($0.action), "target": .string($0.target)])
                })
            ]))
        }
    }

    static func fields(_ request: Request) async throws(APIError) -> OrderedFields<JSONValue> {
        let body = try await request.bodyBytes(upTo: 64 * 1_024)
        guard case .object(let fields)? = try? JSONValue(parsing: body) else { throw .badRequest("the body is a JSON object") }
        return fields
    }

    static func text(_ fields: OrderedFields<JSONValue>, _ name: String) throws(APIError) -> String {
        guard case .string(let value)? = fields[name] else { throw .badRequest("\(name): a string is required") }
        return value
    }

    static func role(_ fields: OrderedFields<JSONValue>) throws(APIError) -> Role {
        guard let role = Role(rawValue: try text(fields, "role")) else {
            throw .badRequest("role: one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }
}
