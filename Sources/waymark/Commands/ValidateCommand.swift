import ArgumentParser
import Foundation
import WaymarkCore

/// `waymark validate PATH...`: validates configs and journeys, exiting 1 when there is an error.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate event, data source, action and journey configs (JSON or YAML).",
        discussion: """
            Every file is decoded and checked; journeys are checked against the events, data sources \
            and actions of all the files given. Exits with 1 when there is at least one error \
            (warnings do not fail).
            """
    )

    /// How the report is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "Config files, or directories searched for *.json, *.yaml and *.yml.")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() async throws {
        let urls: [URL]
        do {
            urls = try ConfigFileFinder.files(in: paths)
        } catch {
            throw ValidationError(error.message)
        }
        let report = ConfigSetValidator.validate(urls)
        switch format {
        case .text: print(report.renderedText())
        case .json: print(report.jsonDocument().serialized())
        }
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}
