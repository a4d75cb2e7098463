import Hummingbird
import WaymarkCore
import WaymarkEngine

/// `GET /healthz` (the process answers) and `GET /readyz` (the store answers too).
struct HealthRoutes: Sendable {
    let engine: Engine

    func register(on router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in JSONResponse.make(.fields(["status": .string("ok")])) }
        router.get("/readyz") { _, _ throws(APIError) in
            do {
                _ = try await engine.store.inboxDepth()
            } catch {
                throw .unavailable("the store does not answer: \(error)")
            }
            return JSONResponse.make(.fields(["status": .string("ready")]))
        }
    }
}
