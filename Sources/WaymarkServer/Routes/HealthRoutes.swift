import Hummingbird
import WaymarkCore
import WaymarkEngine

/// `GET /healthz` (the process answers) and `GET /readyz` (the store answers too).
struct HealthRoutes: Sendable {
    let engine: Engine

    func register(on routes: APIRouter) {
        routes.add(.get, "/healthz", .open) { _, _, _ in JSONResponse.make(.fields(["status": .string("ok")])) }
        routes.add(.get, "/readyz", .open) { _, _, _ throws(APIError) in
            do {
                _ = try await engine.store.inboxDepth()
            } catch {
                throw .unavailable("the store does not answer: \(error)")
            }
            return JSONResponse.make(.fields(["status": .string("ready")]))
        }
    }
}
