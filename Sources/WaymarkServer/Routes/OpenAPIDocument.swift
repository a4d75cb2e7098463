import Foundation
import Synchronization
import WaymarkCore
import WaymarkStore

/// `GET /openapi.json`: the document, written once every route is registered.
final class OpenAPIRoute: Sendable {
    private let document = Mutex<JSONValue>(.null)

    /// Registers the route (open); call `finish(catalog:)` after the other routes.
    func register(on routes: APIRouter) {
        routes.add(.get, "/openapi.json", .open) { [self] _, _, _ in JSONResponse.make(document.withLock { $0 }) }
    }

    /// Writes the document from the complete catalog.
    func finish(catalog: [RouteEntry]) {
        document.withLock { $0 = OpenAPIDocument.make(catalog: catalog) }
    }
}

/// The OpenAPI 3.1 document of the API, written from the route catalog, so it lists exactly the
/// routes the server answers, with their guard as security and the one error shape.
enum OpenAPIDocument {
    static func make(catalog: [RouteEntry]) -> JSONValue {
        var paths = OrderedFields<JSONValue>()
        for route in catalog.sorted(by: { ($0.path, $0.method) < ($1.path, $1.method) }) {
            var item: OrderedFields<JSONValue>
            if case .object(let existing)? = paths[route.path] { item = existing } else { item = OrderedFields() }
            item[route.method.lowercased()] = operation(route)
            paths[route.path] = .object(item)
        }
        return .fields([
            "openapi": .string("3.1.0"),
            "info": .fields([
                "title": .string("Waymark"), "version": .string("1"),
                "description": .string("Customer journey orchestration: configs, streaming ingestion, reports, step-event queries."),
            ]),
            "paths": .object(paths),
            "components": .fields([
                "securitySchemes": .fields(["bearer": .fields(["type": .string("http"), "scheme": .string("bearer")])]),
                "schemas": .fields([
                    "Error": .fields([
                        "type": .string("object"), "required": .array([.string("error")]),
                        "properties": .fields([
                            "error": .fields([
                                "type": .string("object"), "required": .array([.string("code"), .string("message")]),
                                "properties": .fields([
                                    "code": .fields(["type": .string("string")]), "message": .fields(["type": .string("string")]),
                                    "details": .fields([:]),
                                ]),
                            ])
                        ]),
                    ])
                ]),
            ]),
        ])
    }

    private static func operation(_ route: RouteEntry) -> JSONValue {
        var operation = OrderedFields<JSONValue>()
        operation["operationId"] = .string(operationID(route))
        switch route.guardedBy {
        case .open: operation["security"] = .array([])
        case .signedIn: operation["security"] = .array([.fields(["bearer": .array([])])])
        case .permission(let permission):
            operation["security"] = .array([.fields(["bearer": .array([])])])
            operation["x-permission"] = .string(permission.rawValue)
        }
        let parameters = route.path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { name in
            JSONValue.fields([
                "name": .string(String(name.dropFirst().dropLast())), "in": .string("path"), "required": .bool(true),
                "schema": .fields(["type": .string("string")]),
            ])
        }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if route.method == "POST" || route.method == "PUT" {
            operation["requestBody"] = .fields([
                "content": .fields([
                    "application/json": .fields(["schema": route.requestSchema ?? .fields([:])])
                ])
            ])
        }
        var responses = OrderedFields<JSONValue>()
        responses["2XX"] = .fields(["description": .string("done"), "content": .fields(["application/json": .fields(["schema": .fields([:])])])])
        for (status, meaning) in errorStatuses(route) {
            responses[status] = .fields([
                "description": .string(meaning),
                "content": .fields(["application/json": .fields(["schema": .fields(["$ref": .string("#/components/schemas/Error")])])]),
            ])
        }
        operation["responses"] = .object(responses)
        return .object(operation)
    }

    private static func errorStatuses(_ route: RouteEntry) -> [(String, String)] {
        var statuses: [(String, String)] = [("400", "bad input, named"), ("404", "no such thing"), ("413", "too large")]
        if route.guardedBy != .open { statuses += [("401", "no valid bearer token"), ("403", "the role lacks the permission")] }
        statuses += [("409", "conflict"), ("422", "cannot run"), ("503", "the store failed; nothing changed")]
        return statuses
    }

    /// `get_v1_config_kind_name`.
    private static func operationID(_ route: RouteEntry) -> String {
        let words = route.path.split(separator: "/").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "{}")) }
        return ([route.method.lowercased()] + words).joined(separator: "_").replacingOccurrences(of: ".", with: "_")
    }
}
