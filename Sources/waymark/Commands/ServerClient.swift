import ArgumentParser
import Foundation
import WaymarkConnectors
import WaymarkCore

/// Options and a client for the commands that talk to a running `waymark serve`.
struct ServerClientOptions: ParsableArguments {
    @Option(help: "The server's base URL.")
    var server: String = "http://127.0.0.1:8080"

    @Option(help: "An API token or session token (default: the environment's WAYMARK_TOKEN).")
    var token: String?

    /// One client for the command's requests (its connections kept alive between batches); the
    /// process ends with the command, so it is never shut down.
    private static let transport = PooledHTTP1Transport()

    /// Sends `body` to `path`; returns the status and the parsed JSON answer.
    /// - Throws: `ValidationError` when the server cannot be reached or answers something else than JSON.
    func send(_ method: HTTPMethod, _ path: String, body: [UInt8]? = nil) async throws -> (status: Int, json: JSONValue) {
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        var headers = [NamedValue("Content-Type", "application/json")]
        if let token = token ?? ProcessInfo.processInfo.environment["WAYMARK_TOKEN"] {
            headers.append(NamedValue("Authorization", "Bearer " + token, isSecret: true))
        }
        let request = HTTPRequestSpec(method: method, url: base + path, headers: headers, body: body)
        let response: HTTPResponseSpec
        do {
            response = try await Self.transport.send(request, timeout: 120_000)
        } catch {
            throw ValidationError("cannot reach the server at \(server): \(error.message)")
        }
        do {
            return (response.status, response.body.isEmpty ? .null : try JSONValue(parsing: response.body))
        } catch {
            throw ValidationError("the server answered \(response.status) with a body that is not JSON")
        }
    }

    /// The message of an API error answer (`{"error":{"code","message"}}`), else the whole answer.
    static func message(of json: JSONValue) -> String {
        if case .object(let fields) = json, case .object(let error)? = fields["error"],
            case .string(let code)? = error["code"], case .string(let message)? = error["message"]
        {
            return "\(code): \(message)"
        }
        return String(decoding: json.serializedBytes(), as: UTF8.self)
    }
}
