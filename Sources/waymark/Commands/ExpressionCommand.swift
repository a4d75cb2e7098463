import ArgumentParser

/// `waymark expression …`: work with single expressions.
struct ExpressionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expression",
        abstract: "Work with journey expressions.",
        subcommands: [EvaluateExpressionCommand.self]
    )
}
