import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import WaymarkConnectors
import WaymarkCore
import WaymarkEngine
import WaymarkSQLite

/// The Waymark server: the engine on the embedded SQLite store, its calls over HTTP, and the
/// REST API (Hummingbird), run as one `ServiceGroup` that shuts down gracefully on SIGTERM and
/// SIGINT (requests in flight answered, the engine's work drained).
public final class WaymarkServer: Sendable {
    /// The running engine.
    public let engine: Engine
    /// How the server runs.
    public let settings: ServerSettings
    private let store: SQLiteStore
    private let transport: PooledHTTP1Transport
    private let logger: Logger
    private let running = Mutex<ServiceGroup?>(nil)

    /// Opens the store in the settings' data directory (created when needed), builds the engine
    /// and loads the stored configs.
    /// - Throws: `ServerError` naming what could not be opened or read.
    public init(settings: ServerSettings, logger: Logger = Logger(label: "waymark.server")) async throws(ServerError) {
        self.settings = settings
        self.logger = logger
        do {
            store = try SQLiteStore(directory: settings.dataDirectory)
        } catch {
            throw ServerError("cannot open the store in \(settings.dataDirectory): \(error.message)")
        }
        let rules = try Self.endpointRules(settings.endpointRulesFile)
        transport = PooledHTTP1Transport()
        engine = Engine(
            store: store, executor: HTTPCallExecutor(transport: transport, gate: EndpointGate(rules: rules)),
            logger: Logger(label: "waymark.engine"))
        do {
            try await engine.loadConfigurations()
        } catch {
            throw ServerError("cannot read the stored configs: \(error.message)")
        }
    }

    /// The API's routes.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.middlewares.add(APIErrorMiddleware())
        HealthRoutes(engine: engine).register(on: router)
        EventRoutes(engine: engine, limits: settings.limits).register(on: router)
        ConfigRoutes(engine: engine, limits: settings.limits).register(on: router)
        QueryRoutes(store: store, limits: settings.limits).register(on: router)
        ReportRoutes(engine: engine).register(on: router)
        return router
    }

    /// Serves until SIGTERM or SIGINT (or cancellation), then drains and stops.
    /// - Parameter onListening: called with the port once the server listens.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "waymark"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: engine.services.map { .init(service: $0) } + [.init(service: app)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        running.withLock { $0 = group }
        defer { running.withLock { $0 = nil } }
        do {
            try await group.run()
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }

    /// Shuts a running server down gracefully, as SIGTERM does.
    public func stop() async {
        await running.withLock { $0 }?.triggerGracefulShutdown()
    }

    private static func endpointRules(_ path: String?) throws(ServerError) -> EndpointRules {
        guard let path else { return .none }
        guard let data = FileManager.default.contents(atPath: path) else { throw ServerError("cannot read the endpoint rules \(path)") }
        do {
            return try EndpointRules(json: Array(data))
        } catch {
            throw ServerError("the endpoint rules \(path): \(error)")
        }
    }
}

/// The server could not start: what, and why.
public struct ServerError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var message: String

    init(_ message: String) { self.message = message }

    public var description: String { message }
}
