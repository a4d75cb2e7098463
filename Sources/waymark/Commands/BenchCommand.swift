import ArgumentParser

/// `waymark bench`: the runtime benchmarks (figures printed; recorded in BENCHMARKS.md).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the runtime: W1 (entries, timers, storage, memory), W2 (event or timeout), W3 (duplicates).",
        discussion: "Build with `swift build -c release` first; every workload runs on a fresh store in a temporary folder.",
        subcommands: [
            BenchW1Command.self, BenchW2Command.self, BenchW3Command.self, BenchCeilingCommand.self, BenchActionsCommand.self,
            BenchProcessCommand.self,
        ]
    )
}
