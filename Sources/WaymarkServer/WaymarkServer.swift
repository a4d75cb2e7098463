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
import WaymarkStore

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
    private let access: AccessControl
    private let metrics = ServerMetrics()
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
        access = AccessControl(store: store, now: Self.wallClock)
        engine = Engine(
            configuration: settings.engine, store: store,
            executor: MeasuringCallExecutor(
                base: HTTPCallExecutor(transport: transport, gate: EndpointGate(rules: rules)), metrics: metrics),
            logger: Logger(label: "waymark.engine"))
        do {
            try await engine.loadConfigurations()
        } catch {
            throw ServerError("cannot read the stored configs: \(error.message)")
        }
    }

    /// The API's routes, and their catalog.
    func routes() -> (router: Router<BasicRequestContext>, catalog: [RouteEntry]) {
        let router = Router()
        router.middlewares.add(MetricsMiddleware(metrics: metrics))
        router.middlewares.add(APIErrorMiddleware())
        let routes = APIRouter(router: router, access: access)
        HealthRoutes(engine: engine).register(on: routes)
        AccessRoutes(access: access).register(on: routes)
        MetricsRoute(engine: engine, metrics: metrics).register(on: routes)
        let events = EventRoutes(engine: engine, limits: settings.limits, metrics: metrics)
        events.register(on: routes)
        ProfileRoutes(store: store, limits: settings.limits, now: Self.wallClock).register(on: routes)
        ConfigRoutes(engine: engine, limits: settings.limits, access: access, transport: transport).register(on: routes)
        JourneyRoutes(engine: engine, limits: settings.limits, access: access).register(on: routes)
        TestModeRoutes(engine: engine, events: events).register(on: routes)
        QueryRoutes(store: store, limits: settings.limits).register(on: routes)
        ReportRoutes(engine: engine).register(on: routes)
        let openAPI = OpenAPIRoute()
        openAPI.register(on: routes)
        openAPI.finish(catalog: routes.catalog)
        return (router, routes.catalog)
    }

    /// Every route of the API with who may call it.
    public var routeCatalog: [RouteEntry] { routes().catalog }

    /// Creates the first administrator when the store has no user (first start).
    /// - Returns: its name and password, to print once; `nil` when users exist.
    public func createFirstAdministrator() async throws(ServerError) -> (name: String, password: String)? {
        do {
            return try await access.bootstrap()
        } catch {
            throw ServerError("cannot create the first administrator: \(error.message)")
        }
    }

    /// Creates an API token for `role` in the server's store (tests, set-up).
    /// - Returns: its secret.
    public func createToken(name: String, role: Role) async throws(ServerError) -> String {
        try await Self.createToken(name: name, role: role, access: access)
    }

    /// Creates an API token in the store of `dataDirectory`, without starting a server
    /// (`waymark tokens create`). - Returns: its secret.
    public static func createToken(name: String, role: Role, dataDirectory: String) async throws(ServerError) -> String {
        try await createToken(name: name, role: role, access: try access(dataDirectory: dataDirectory))
    }

    /// Creates a user in the store of `dataDirectory`, without starting a server (`waymark users
    /// create`). - Returns: the password: `password`, or a new random one when `nil`.
    public static func createUser(name: String, role: Role, password: String?, dataDirectory: String) async throws(ServerError) -> String {
        let access = try access(dataDirectory: dataDirectory)
        let chosen = password ?? Secrets.newPassword()
        do {
            try await access.createUser(name: name, role: role, password: chosen, by: cli)
        } catch {
            throw ServerError(error.message)
        }
        return chosen
    }

    /// Who the command line acts as in the audit log.
    private static let cli = Principal(name: "cli", kind: .apiToken, role: .administrator)

    private static func access(dataDirectory: String) throws(ServerError) -> AccessControl {
        do {
            return AccessControl(store: try SQLiteStore(directory: dataDirectory), now: Self.wallClock)
        } catch {
            throw ServerError("cannot open the store in \(dataDirectory): \(error.message)")
        }
    }

    private static func createToken(name: String, role: Role, access: AccessControl) async throws(ServerError) -> String {
        do {
            return try await access.createToken(name: name, role: role, by: cli)
        } catch {
            throw ServerError(error.message)
        }
    }

    /// Milliseconds since the epoch.
    private static let wallClock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1_000) }

    /// Serves until SIGTERM or SIGINT (or cancellation), then drains and stops.
    /// - Parameter onListening: called with the port once the server listens.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = Application(
            router: routes().router,
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "waymark"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: (engine.services + streams()).map { .init(service: $0) } + [.init(service: app)],
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

    /// The step-event stream to a warehouse, when the settings name an endpoint.
    private func streams() -> [any Service] {
        guard let url = settings.stepStreamURL else { return [] }
        return [
            StepStream(
                store: store, target: StepStream.Target(url: url, token: settings.stepStreamToken), transport: transport,
                dataDirectory: settings.dataDirectory, logger: Logger(label: "waymark.step-stream"))
        ]
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
