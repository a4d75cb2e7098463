import ArgumentParser
import Foundation
import WaymarkEngine
import WaymarkServer

extension EngineConfiguration.Acceptance: ExpressibleByArgument {}

/// `waymark serve`: the server — REST API, streaming ingestion and the engine — on the embedded
/// SQLite store, until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Runs the Waymark server (REST API, ingestion, the engine) on the embedded SQLite store.",
        discussion: """
            Listens on --host:--port (0: any free port; the port is printed once listening) and keeps its data in \
            --data-dir (created when needed). Stops gracefully on SIGTERM or SIGINT: requests in flight are \
            answered and the engine's work is drained.
            """)

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(help: "The directory of the store and its secret key.")
    var dataDir: String = "./waymark-data"

    @Option(help: "The largest event accepted, in bytes (a larger one is answered 413).")
    var maxEventBytes: Int = ServerSettings.Limits().maximumEventBytes

    @Option(help: "A JSON file of endpoint rules (capping, throttling) for the calls journeys make.")
    var endpoints: String?

    @Option(help: "When an event counts as accepted: routed (its outcome committed) or inbox (durable in the inbox, routed behind).")
    var acceptance: EngineConfiguration.Acceptance = .routed

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxEventBytes > 0 else { throw ValidationError("--max-event-bytes must be at least 1") }
    }

    func run() async throws {
        var limits = ServerSettings.Limits()
        limits.maximumEventBytes = maxEventBytes
        let settings = ServerSettings(
            host: host, port: port, dataDirectory: dataDir, limits: limits, endpointRulesFile: endpoints,
            engine: EngineConfiguration(acceptance: acceptance))
        let server: WaymarkServer
        do {
            server = try await WaymarkServer(settings: settings)
        } catch {
            throw ValidationError(error.message)
        }
        if let administrator = try await server.createFirstAdministrator() {
            FileHandle.standardError.write(Data("""
                waymark: first start — created the administrator "\(administrator.name)" with the password \(administrator.password)
                waymark: it is shown this once; sign in with POST /v1/sessions and create users and API tokens.

                """.utf8))
        }
        let host = host
        try await server.run { port in
            // Written unbuffered: whoever started the process reads the port from this line.
            FileHandle.standardOutput.write(Data("waymark listening on http://\(host):\(port)\n".utf8))
        }
    }
}
