import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkEngine
import WaymarkStore

/// `waymark bench process` (internal, for `scripts/crash-test`): runs the engine on a SQLite data
/// folder with the system clock, ingests an events file and works until nothing is left, then
/// optionally checks the crash-safety invariants.
struct BenchProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Ingest an events file into a data folder and run the engine until idle (crash test).",
        shouldDisplay: false
    )

    @Option(help: "The SQLite data folder.")
    var dataDir: String

    @OptionGroup var files: SimulateFileOptions

    @Option(help: "Events per ingestion call.")
    var ingestBatch: Int = 100

    @Option(help: "After the run, check: every event entered once, every instance took this many steps and ended, no timer or inbox entry left.")
    var verifySteps: Int?

    @Option(help: "The most seconds to run before giving up.")
    var maximumSeconds: Int = 120

    func run() async throws {
        let inputs = try files.read()
        let store: any WaymarkStore = try BenchStore.openSQLite(at: URL(fileURLWithPath: dataDir))
        let engine = Engine(
            configuration: EngineConfiguration(partitionCount: 4, workerBatchSize: 500, idlePollInterval: 200),
            store: store, executor: RecordingCallExecutor(recordsCalls: false))
        try await engine.publish(inputs.documents)
        let deadline = ContinuousClock.now + .seconds(maximumSeconds)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await engine.run() }
            for start in stride(from: 0, to: inputs.events.count, by: ingestBatch) {
                let batch = inputs.events[start..<min(inputs.events.count, start + ingestBatch)].map { $0.json.serializedBytes() }
                let results = await engine.ingest(batch)
                if let bad = results.first(where: { $0.status == .rejected || $0.status == .discarded }) {
                    throw BenchFailure("event \(start + bad.index + 1) was \(bad.status): \(bad.errors.map(\.description))")
                }
            }
            // Unbuffered: seen in the log even when the process is killed next.
            FileHandle.standardOutput.write(Data("ingested \(inputs.events.count) events; working until idle\n".utf8))
            while try await !Self.isIdle(store) {
                guard ContinuousClock.now < deadline else { throw BenchFailure("not idle after \(maximumSeconds) s") }
                try await Task.sleep(for: .milliseconds(100))
            }
            group.cancelAll()
        }
        print("idle: every event ingested and processed")
        if let verifySteps {
            try await BenchCrashCheck(store: store, events: inputs.events, stepsPerInstance: verifySteps).run()
        }
    }

    /// Nothing waits in the inbox, the timers or the outbox.
    static func isIdle(_ store: any WaymarkStore) async throws -> Bool {
        let inbox = try await store.inboxDepth()
        let timers = try await store.timerCount()
        let outbox = try await store.outboxEntries(availableAt: .max, limit: 1)
        return inbox == 0 && timers == 0 && outbox.isEmpty
    }
}
