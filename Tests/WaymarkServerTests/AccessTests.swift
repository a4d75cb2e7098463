import Foundation
import Testing
import WaymarkConnectors
import WaymarkCore
@testable import WaymarkServer
import WaymarkStore

/// Users, sessions, API tokens, roles: every route checks its permission.
@Suite struct AccessTests {
    /// A path of the catalog with its `{parameters}` filled in.
    static func concrete(_ path: String) -> String {
        path.replacingOccurrences(of: "{kind}", with: "event").replacingOccurrences(of: "{name}", with: "signup")
            .replacingOccurrences(of: "{journeyVersionID}", with: "greet@1.0").replacingOccurrences(of: "{id}", with: "greet")
            .replacingOccurrences(of: "{version}", with: "1.0").replacingOccurrences(of: "{namespace}", with: "Email")
    }

    @Test func everyRouteAnswersEveryRoleByItsPermission() async throws {
        try await ServerHarness.run { server in
            var tokens: [Role: String] = [:]
            for role in Role.allCases { tokens[role] = try await server.server.createToken(name: "as-\(role.rawValue)", role: role) }
            let catalog = server.server.routeCatalog
            #expect(catalog.count >= 30)
            #expect(Set(catalog.map(\.method)) == ["GET", "POST", "PUT", "DELETE"])
            for route in catalog {
                guard let method = HTTPMethod(rawValue: route.method), route.path != "/v1/sessions/end" else { continue }
                let path = Self.concrete(route.path)
                let anonymous = try await server.send(method, path, body: "{}", token: .some(nil))
                if route.guardedBy == .open {
                    #expect(anonymous.status != 401, "\(route.method) \(route.path) is open")
                } else {
                    #expect(anonymous.status == 401, "\(route.method) \(route.path) without a token")
                    #expect(anonymous.json.at("error", "code") == .string("ERR_UNAUTHENTICATED"))
                }
                for role in Role.allCases {
                    let answer = try await server.send(method, path, body: "{}", token: tokens[role])
                    switch route.guardedBy {
                    case .permission(let permission) where !role.permissions.contains(permission):
                        #expect(answer.status == 403, "\(role.rawValue) on \(route.method) \(route.path)")
                        #expect(answer.json.at("error", "code") == .string("ERR_FORBIDDEN"))
                    default:
                        #expect(![401, 403].contains(answer.status), "\(role.rawValue) on \(route.method) \(route.path): \(answer.json)")
                    }
                }
            }
            let bad = try await server.send(.get, "/v1/me", token: "wm_not-a-token")
            #expect(bad.status == 401)
        }
    }

    @Test func bearerSecretsAreKeptAsTheirSHA256InLowercaseHex() {
        // The form stored since the first token: a change would void every token issued.
        #expect(Secrets.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Secrets.digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func theBearerSecretIsReadWhateverTheSchemesCase() {
        #expect(AccessControl.bearer(in: "Bearer wm_abc") == "wm_abc")
        #expect(AccessControl.bearer(in: "bearer \twm_abc  ") == "wm_abc")
        #expect(AccessControl.bearer(in: "BEARER wm_abc") == "wm_abc")
        #expect(AccessControl.bearer(in: "Bearer    ") == nil)
        #expect(AccessControl.bearer(in: "Basic d2F5bWFyaw==") == nil)
        #expect(AccessControl.bearer(in: "Bearer") == nil)
        #expect(AccessControl.bearer(in: "Bearerx wm_abc") == nil)
    }

    @Test func theFirstAdministratorSignsInCreatesUsersAndTheAuditLogSaysSo() async throws {
        try await ServerHarness.run { server in
            let first = try #require(try await server.server.createFirstAdministrator())
            #expect(try await server.server.createFirstAdministrator() == nil, "only on the first start")
            let wrong = try await server.send(.post, "/v1/sessions", body: #"{"name":"admin","password":"nope"}"#, token: .some(nil))
            #expect(wrong.status == 401)
            let session = try await server.send(
                .post, "/v1/sessions", body: #"{"name":"\#(first.name)","password":"\#(first.password)"}"#, token: .some(nil))
            #expect(session.status == 201)
            guard case .string(let adminSession)? = session.json.at("token") else { Issue.record("no token"); return }
            #expect(try await server.send(.get, "/v1/me", token: adminSession).json.at("role") == .string("administrator"))

            let created = try await server.send(
                .post, "/v1/users", body: #"{"name":"vera","role":"viewer","password":"a long enough pass"}"#, token: adminSession)
            #expect(created.status == 201)
            let again = try await server.send(
                .post, "/v1/users", body: #"{"name":"vera","role":"viewer","password":"a long enough pass"}"#, token: adminSession)
            #expect(again.status == 409)
            let short = try await server.send(.post, "/v1/users", body: #"{"name":"x","role":"viewer","password":"short"}"#, token: adminSession)
            #expect(short.status == 400)

            let vera = try await server.send(.post, "/v1/sessions", body: #"{"name":"vera","password":"a long enough pass"}"#, token: .some(nil))
            guard case .string(let veraSession)? = vera.json.at("token") else { Issue.record("no token"); return }
            #expect(try await server.send(.get, "/v1/reports/greet@1.0", token: veraSession).status != 403)
            #expect(try await server.send(.get, "/v1/config", token: veraSession).status == 403)
            #expect(try await server.send(.post, "/v1/sessions/end", token: veraSession).status == 204)
            #expect(try await server.send(.get, "/v1/me", token: veraSession).status == 401)

            let audit = try await server.send(.get, "/v1/audit", token: adminSession)
            let targets = String(decoding: (audit.json.at("entries") ?? .null).serializedBytes(), as: UTF8.self)
            #expect(targets.contains("user:admin") && targets.contains("vera (viewer)"))
        }
    }
}

/// `/openapi.json` lists exactly the routes the server answers.
@Suite struct OpenAPITests {
    @Test func theDocumentMatchesTheRoutes() async throws {
        try await ServerHarness.run { server in
            let answer = try await server.send(.get, "/openapi.json", token: .some(nil))
            #expect(answer.status == 200)
            #expect(answer.json.at("openapi") == .string("3.1.0"))
            guard case .object(let paths)? = answer.json.at("paths") else {
                Issue.record("no paths")
                return
            }
            var operations = 0
            for case .object(let item) in paths.values { operations += item.keys.count }
            let catalog = server.server.routeCatalog
            #expect(operations == catalog.count)
            for route in catalog {
                #expect(answer.json.at("paths", route.path, route.method.lowercased(), "responses") != nil, "\(route.method) \(route.path)")
                let open = answer.json.at("paths", route.path, route.method.lowercased(), "security") == .array([])
                #expect(open == (route.guardedBy == .open), "\(route.method) \(route.path)")
            }
        }
    }
}
