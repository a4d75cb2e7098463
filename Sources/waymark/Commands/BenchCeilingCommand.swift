import ArgumentParser
import Foundation
import WaymarkSQLite

/// `waymark bench ceiling`: the raw rate of inserting a W1 entry's rows into SQLite in batches,
/// the ceiling the engine's figures are compared with.
struct BenchCeilingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ceiling", abstract: "The raw SQLite ceiling: a W1 entry's rows inserted in batches (WAL, synchronous=FULL).")

    @Option(help: "The number of entries (N).")
    var people: Int = 100_000

    @Option(help: "Entries per transaction.")
    var batchSize: Int = 5_000

    func validate() throws {
        guard people > 0, batchSize > 0 else { throw ValidationError("--people and --batch-size must be at least 1") }
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-ceiling-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let figures = try await SQLiteCeiling.measure(directory: directory.path, entries: people, batchSize: batchSize, durability: .full)
        print(figures.description)
    }
}
