import Foundation
import Synchronization
import Testing
import WaymarkConnectors
import WaymarkCore
import WaymarkEngine
import WaymarkServer

/// A `WaymarkServer` listening on a free loopback port over a fresh data directory, and a client.
struct ServerHarness {
    let server: WaymarkServer
    let baseURL: String
    let client: PooledHTTP1Transport
    /// An administrator's API token, sent by `send` unless told otherwise.
    let token: String

    /// Runs `body` against a running server, then stops it and removes its data.
    static func run(
        limits: ServerSettings.Limits = ServerSettings.Limits(), engine: EngineConfiguration = EngineConfiguration(),
        stepStream: String? = nil, _ body: (ServerHarness) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-server-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try await WaymarkServer(settings: ServerSettings(port: 0, dataDirectory: directory, limits: limits, engine: engine, stepStreamURL: stepStream))
        let token = try await server.createToken(name: "tests", role: .administrator)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let client = PooledHTTP1Transport()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run { port in portContinuation.yield(port) } }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(ServerHarness(server: server, baseURL: "http://127.0.0.1:\(port)", client: client, token: token))
            await server.stop()
            try await group.waitForAll()
        }
        try await client.shutdown()
    }

    /// Sends a request; returns the status and the body parsed as JSON (`.null` when empty).
    /// - Parameter token: the bearer token (the administrator's by default; `nil`: none).
    func send(
        _ method: HTTPMethod, _ path: String, body: String? = nil, token: String?? = .none, contentType: String = "application/json"
    ) async throws -> (status: Int, json: JSONValue) {
        var request = HTTPRequestSpec(method: method, url: baseURL + path)
        if let bearer = token ?? self.token { request.headers.append(NamedValue("Authorization", "Bearer " + bearer)) }
        if let body {
            request.body = Array(body.utf8)
            request.headers.append(NamedValue("Content-Type", contentType))
        }
        let response = try await client.send(request, timeout: 30_000)
        guard !response.body.isEmpty else { return (response.status, .null) }
        // Not JSON (the metrics' text): the text itself.
        return (response.status, (try? JSONValue(parsing: response.body)) ?? .string(String(decoding: response.body, as: UTF8.self)))
    }
}

extension JSONValue {
    /// The value at a path of object keys and array indexes, e.g. `at("error", "code")`.
    func at(_ path: Any...) -> JSONValue? {
        var value: JSONValue? = self
        for step in path {
            switch (value, step) {
            case (.object(let fields)?, let key as String): value = fields[key]
            case (.array(let items)?, let index as Int): value = items.indices.contains(index) ? items[index] : nil
            default: return nil
            }
        }
        return value
    }
}
