import Hummingbird
import WaymarkCore
import WaymarkStore

/// Who may call a route.
public enum RouteGuard: Hashable, Sendable {
    /// Anyone (health checks, signing in).
    case open
    /// Any valid credential.
    case signedIn
    /// A credential whose role has this permission.
    case permission(Permission)
}

/// One route of the API, as the catalog lists it.
public struct RouteEntry: Hashable, Sendable {
    /// The HTTP method.
    public var method: String
    /// The path, with `{parameters}`.
    public var path: String
    /// Who may call it.
    public var guardedBy: RouteGuard
    /// The JSON Schema of its request body, when it reads a JSON object of known fields.
    public var requestSchema: JSONValue?
}

extension JSONValue {
    /// The JSON Schema of an object with these required string fields (and no others).
    static func objectSchema(strings: [String], enums: [String: [String]] = [:], optionalIntegers: [String] = []) -> JSONValue {
        var properties = OrderedFields<JSONValue>()
        for name in strings {
            properties[name] = enums[name].map { values in .fields(["type": .string("string"), "enum": .array(values.map(JSONValue.string))]) }
                ?? .fields(["type": .string("string")])
        }
        for name in optionalIntegers { properties[name] = .fields(["type": .string("integer"), "minimum": .int(1)]) }
        return .fields([
            "type": .string("object"), "required": .array(strings.map(JSONValue.string)), "properties": .object(properties),
        ])
    }
}

/// Registers the API's routes behind their guard — authentication, then the permission — and
/// keeps their catalog (for the role test and the OpenAPI document).
final class APIRouter {
    typealias Handler = @Sendable (Request, BasicRequestContext, Principal?) async throws -> Response

    let router: Router<BasicRequestContext>
    let access: AccessControl
    private(set) var catalog: [RouteEntry] = []

    init(router: Router<BasicRequestContext>, access: AccessControl) {
        self.router = router
        self.access = access
    }

    /// Adds a route: `handler` runs once the caller passed `guarded`, with the caller (`nil` on open routes).
    func add(
        _ method: HTTPRequest.Method, _ path: String, _ guarded: RouteGuard, body requestSchema: JSONValue? = nil,
        _ handler: @escaping Handler
    ) {
        catalog.append(RouteEntry(method: method.rawValue, path: path, guardedBy: guarded, requestSchema: requestSchema))
        let access = access
        router.on(RouterPath(path), method: method) { request, context in
            var principal: Principal?
            switch guarded {
            case .open:
                break
            case .signedIn:
                principal = try await access.authenticate(request)
            case .permission(let permission):
                let caller = try await access.authenticate(request)
                try caller.require(permission)
                principal = caller
            }
            return try await handler(request, context, principal)
        }
    }
}
