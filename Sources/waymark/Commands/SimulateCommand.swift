import ArgumentParser
import Foundation
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
            fetches return the field groups' example payloads). Nothing outside is called and \
            nothing is kept: the store is temporary.
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

    func validate() throws {
        guard partitions > 0 else { throw ValidationError("--partitions must be at least 1") }
    }

    func run() async throws {
        let inputs = try files.read()
        let simulation = Simulation(
            documents: inputs.documents, profiles: inputs.profiles,
            configuration: EngineConfiguration(partitionCount: partitions))
        let outcome: Simulation.Outcome
        do {
            outcome = try await simulation.run(inputs.events)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        switch format {
        case .ndjson: try SimulateOutput.printSteps(outcome.steps)
        case .summary: print(SimulateOutput.summary(of: outcome, journey: inputs.journey, eventCount: inputs.events.count))
        }
    }
}
