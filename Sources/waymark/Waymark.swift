import ArgumentParser

/// The `waymark` command-line tool.
@main
struct Waymark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "Waymark: self-hosted customer journey orchestration.",
        subcommands: [ServeCommand.self, TokensCommand.self, UsersCommand.self, SendCommand.self, QueryCommand.self, JourneysCommand.self, ValidateCommand.self, ExpressionCommand.self, SimulateCommand.self, CallsCommand.self, BenchCommand.self]
    )
}
