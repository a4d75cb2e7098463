import ArgumentParser
import Foundation
import WaymarkConnectors
import WaymarkCore
import WaymarkEngine

/// `waymark simulate`: runs a journey on the real engine over a temporary store and a virtual
/// clock, and prints the steps people took or a summary of their paths.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a journey on a virtual clock with timestamped events and print the paths taken.",
        discussion: """
            The events (NDJSON or a JSON array of XDM ExperienceEvents or streaming envelopes) are \
            sent at their timestamps: the clock starts at the first one and jumps from timer to \
            timer, so a 30-day journey runs in seconds. The journey runs as a live version whatever \
            its status; actions and external data sources are answered by a recorder (success; \
            fetches return the field groups' example payloads), or, with --actions-to URL, custom \
            actions (not messages) are really called over HTTP at that base URL (their own path and query kept; \
            authentication, retries, capping and throttling as configured). Nothing is kept: the \
            store is temporary.
            """
    )

    /// What is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case summary
        case ndjson
    }

    @OptionGroup var files: SimulateFileOptions

    @Option(help: "Output: summary (paths taken) or ndjson (every step event).")
    var format: Format = .summary

    @Option(help: "The number of engine partitions.")
    var partitions: Int = 4

    @Option(help: "Call custom actions over HTTP at this base URL (e.g. http://127.0.0.1:9000) instead of recording them.")
    var actionsTo: String?

    @Option(help: "A JSON file of endpoint rules (capping and throttling) for the HTTP calls of --actions-to.")
    var endpoints: String?

    func validate() throws {
        guard partitions > 0 else { throw ValidationError("--partitions must be at least 1") }
        if let actionsTo, !(actionsTo.hasPrefix("http://") || actionsTo.hasPrefix("https://")) {
            throw ValidationError("--actions-to must be an http:// or https:// URL, found \(actionsTo)")
        }
        if endpoints != nil, actionsTo == nil { throw ValidationError("--endpoints applies to --actions-to only") }
    }

    func run() async throws {
        let inputs = try files.read()
        let rules = try endpoints.map(Self.readRules) ?? .none
        let transport = actionsTo.map { _ in PooledHTTP1Transport() }
        let http = transport.map { transport in
            HTTPCallExecutor(
                transport: transport, gate: EndpointGate(rules: rules), settings: .init(actionsTo: actionsTo),
                messages: RecordingCallExecutor(recordsCalls: false))
        }
        let simulation = Simulation(
            documents: inputs.documents, profiles: inputs.profiles, executor: RecordingCallExecutor(forwardingActionsTo: http),
            configuration: EngineConfiguration(partitionCount: partitions))
        let outcome: Simulation.Outcome
        do {
            outcome = try await simulation.run(inputs.events)
        } catch {
            try? await transport?.shutdown()
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        try? await transport?.shutdown()
        switch format {
        case .ndjson: try SimulateOutput.printSteps(outcome.steps)
        case .summary: print(SimulateOutput.summary(of: outcome, journey: inputs.journey, eventCount: inputs.events.count))
        }
    }

    /// The endpoint rules in the JSON file at `path`.
    static func readRules(_ path: String) throws -> EndpointRules {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--endpoints: cannot read \(path)") }
        do {
            return try EndpointRules(json: Array(data))
        } catch {
            throw ValidationError("--endpoints \(path): \(error)")
        }
    }
}
