import WaymarkConnectors
import WaymarkCore
import WaymarkEngine
import WaymarkLoopback

/// A loopback server, a real transport (the pooled one `http://` calls use) and an executor
/// calling it, for one test.
struct Harness {
    let server: LoopbackServer
    let transport: PooledHTTP1Transport
    let executor: HTTPCallExecutor
    let recorder: RequestRecorder
    let logs: CapturingLogHandler.Lines

    /// The server's `http://127.0.0.1:port`.
    var baseURL: String { server.baseURL }

    /// Retries quick enough for short test timeouts (3 retries after about 10, 20, 40 ms), timeouts from 100 ms.
    static let quickRetries = HTTPCallExecutor.Settings(
        retry: RetryPolicy(maxRetries: 3, baseDelay: 10, jitter: 0.2), timeoutRange: 100...30_000)

    /// Runs `body` with a harness whose server answers with `handler`, then shuts everything down.
    static func run(
        settings: HTTPCallExecutor.Settings = quickRetries, gate: any CallGate = OpenGate(),
        clock: any EngineClock = SystemClock(), maxResponseBytes: Int = 10 * 1_024 * 1_024,
        handler: @escaping LoopbackServer.Handler,
        _ body: (Harness) async throws -> Void
    ) async throws {
        let recorder = RequestRecorder()
        let server = try await LoopbackServer { request in
            recorder.record(request)
            return await handler(request)
        }.start()
        let transport = PooledHTTP1Transport(settings: .init(maxResponseBytes: maxResponseBytes))
        let logs = CapturingLogHandler.Lines()
        let executor = HTTPCallExecutor(
            transport: transport, gate: gate, settings: settings, clock: clock,
            logger: CapturingLogHandler.logger(into: logs))
        let harness = Harness(server: server, transport: transport, executor: executor, recorder: recorder, logs: logs)
        do {
            try await body(harness)
        } catch {
            try await transport.shutdown()
            try await server.shutdown()
            throw error
        }
        try await transport.shutdown()
        try await server.shutdown()
    }
}
