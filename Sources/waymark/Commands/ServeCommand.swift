import ArgumentParser
import Foundation
import Logging
import WaymarkEngine
import WaymarkServer

extension EngineConfiguration.Acceptance: ExpressibleByArgument {}
extension Logger.Level: @retroactive ExpressibleByArgument {}

/// How the server's logs are written.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    /// Lines for people.
    case text
    /// One JSON object per line, for log shippers.
    case json
}

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

    @Option(help: "The address to listen on (default 127.0.0.1; WAYMARK_HOST).")
    var host: String?

    @Option(help: "The port to listen on, 0 for any free port (default 8080; WAYMARK_PORT).")
    var port: Int?

    @Option(help: "The directory of the store and its secret key (default ./waymark-data; WAYMARK_DATA_DIR).")
    var dataDir: String?

    @Option(help: "The largest event accepted, in bytes, a larger one answered 413 (default 1 MB; WAYMARK_MAX_EVENT_BYTES).")
    var maxEventBytes: Int?

    @Option(help: "A JSON file of endpoint rules (capping, throttling) for the calls journeys make (WAYMARK_ENDPOINTS).")
    var endpoints: String?

    @Option(help: "When an event counts as accepted: routed (its outcome committed) or inbox (durable in the inbox, routed behind) (WAYMARK_ACCEPTANCE).")
    var acceptance: EngineConfiguration.Acceptance?

    @Option(help: "An http(s) URL every step event is POSTed to as NDJSON once committed, for a warehouse (WAYMARK_STEP_STREAM; its bearer token: WAYMARK_STEP_STREAM_TOKEN).")
    var stepStream: String?

    @Option(help: "A JSON settings file with the keys host, port, dataDir, maxEventBytes, endpoints, acceptance, testModeWaitMs, stepStream, stepStreamToken (WAYMARK_CONFIG). Flags win over the environment, which wins over the file.")
    var config: String?

    @Option(help: "text, or json for one JSON object per line on standard error (WAYMARK_LOG_FORMAT; default text).")
    var logFormat: LogFormat?

    @Option(help: "The lowest level logged: trace, debug, info, notice, warning, error, critical (WAYMARK_LOG_LEVEL; default info).")
    var logLevel: Logger.Level?

    func run() async throws {
        try bootstrapLogging()
        let settings: ServerSettings
        do {
            settings = try ServerSettings.resolve(
                flags: ServerSettings.Layer(
                    host: host, port: port, dataDirectory: dataDir, maximumEventBytes: maxEventBytes, endpointRulesFile: endpoints,
                    acceptance: acceptance, stepStreamURL: stepStream),
                environment: ProcessInfo.processInfo.environment, file: config)
        } catch {
            throw ValidationError(error.message)
        }
        guard (0...65_535).contains(settings.port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard settings.limits.maximumEventBytes > 0 else { throw ValidationError("--max-event-bytes must be at least 1") }
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
        let host = settings.host
        try await server.run { port in
            // Written unbuffered: whoever started the process reads the port from this line.
            FileHandle.standardOutput.write(Data("waymark listening on http://\(host):\(port)\n".utf8))
        }
    }

    /// Chooses the log format and level: the flags, else the environment, else text at info.
    private func bootstrapLogging() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let format = logFormat ?? LogFormat(argument: environment["WAYMARK_LOG_FORMAT"] ?? "text") else {
            throw ValidationError("WAYMARK_LOG_FORMAT is \(environment["WAYMARK_LOG_FORMAT"] ?? ""): text or json")
        }
        guard let level = logLevel ?? Logger.Level(argument: environment["WAYMARK_LOG_LEVEL"] ?? "info") else {
            throw ValidationError("WAYMARK_LOG_LEVEL is \(environment["WAYMARK_LOG_LEVEL"] ?? ""): trace, debug, info, notice, warning, error or critical")
        }
        LoggingSystem.bootstrap { label in
            switch format {
            case .json:
                return JSONLogHandler(label: label, level: level)
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
