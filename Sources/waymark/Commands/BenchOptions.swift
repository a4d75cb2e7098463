import ArgumentParser
import Foundation
import WaymarkEngine

/// The options every benchmark takes.
struct BenchOptions: ParsableArguments {
    /// Where the benchmark stores its data.
    enum StoreKind: String, ExpressibleByArgument, CaseIterable {
        case sqlite
        case memory
    }

    @Option(help: "The number of people (N).")
    var people: Int = 100_000

    @Option(help: "The store: sqlite (durable: WAL, synchronous=FULL) or memory.")
    var store: StoreKind = .sqlite

    @Option(help: "The data folder (default: a new temporary folder, removed at the end).")
    var dataDir: String?

    @Option(help: "The number of engine partitions.")
    var partitions: Int = 4

    @Option(help: "The most inputs per worker batch (one transaction).")
    var batchSize: Int = 2_000

    @Option(help: "Events per ingestion call (a server request).")
    var ingestBatch: Int = 1_000

    @Option(help: "Ingestion calls in flight at once (concurrent requests).")
    var ingestConcurrency: Int = 4

    func validate() throws {
        guard people > 0 else { throw ValidationError("--people must be at least 1") }
        guard partitions > 0 else { throw ValidationError("--partitions must be at least 1") }
        guard batchSize > 0, ingestBatch > 0, ingestConcurrency > 0 else {
            throw ValidationError("--batch-size, --ingest-batch and --ingest-concurrency must be at least 1")
        }
    }

    /// The engine configuration of the run.
    var engineConfiguration: EngineConfiguration {
        EngineConfiguration(partitionCount: partitions, workerBatchSize: batchSize, timerBatchSize: 5_000, outboxBatchSize: 2_000)
    }
}
