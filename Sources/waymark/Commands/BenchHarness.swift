import Foundation
import WaymarkCore
import WaymarkEngine
import WaymarkSQLite
import WaymarkStore
import WaymarkWorkloads

/// A benchmark run: an engine on a fresh store and a virtual clock, with timing and memory
/// readings printed as it goes.
struct BenchHarness {
    let engine: Engine
    let clock: VirtualClock
    let executor: RecordingCallExecutor
    let options: BenchOptions
    /// The data folder (SQLite), removed by `finish()` when it was made for the run.
    let directory: URL?
    private let ownsDirectory: Bool

    /// Opens the store, builds the engine and publishes `documents`.
    static func start(_ options: BenchOptions, documents: [ConfigDocument]) async throws -> BenchHarness {
        let clock = VirtualClock(now: BenchWorkloads.start)
        let executor = RecordingCallExecutor(recordsCalls: false)
        var directory: URL?
        var owns = false
        let store: any WaymarkStore
        switch options.store {
        case .memory:
            store = MemoryStore()
        case .sqlite:
            let url = options.dataDir.map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-\(UUID().uuidString)")
            owns = options.dataDir == nil
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            directory = url
            store = try BenchStore.openSQLite(at: url)
        }
        let engine = Engine(configuration: options.engineConfiguration, store: store, clock: clock, executor: executor)
        try await engine.publish(documents)
        print("store: \(options.store.rawValue)\(directory.map { " at \($0.path)" } ?? ""), partitions: \(options.partitions), worker batch: \(options.batchSize), people: \(options.people)")
        return BenchHarness(
            engine: engine, clock: clock, executor: executor, options: options, directory: directory, ownsDirectory: owns)
    }

    /// Ingests `events` in calls of `ingestBatch`, `ingestConcurrency` calls in flight at once (as
    /// concurrent requests to a server), and returns how many were accepted and how many were
    /// duplicates. Calls are started in order, so a repeated event comes after its first copy.
    func ingest(_ events: [[UInt8]]) async throws -> (accepted: Int, duplicates: Int) {
        let calls = stride(from: 0, to: events.count, by: options.ingestBatch).map { start in
            (start, Array(events[start..<min(events.count, start + options.ingestBatch)]))
        }
        var accepted = 0, duplicates = 0
        try await withThrowingTaskGroup(of: (Int, [IngestionResult]).self) { group in
            var next = 0
            func startNext() {
                guard next < calls.count else { return }
                let (start, batch) = calls[next]
                next += 1
                group.addTask { (start, await engine.ingest(batch)) }
            }
            for _ in 0..<options.ingestConcurrency { startNext() }
            while let (start, results) = try await group.next() {
                for result in results {
                    switch result.status {
                    case .accepted: accepted += 1
                    case .duplicate: duplicates += 1
                    case .rejected, .discarded:
                        throw BenchFailure("event \(start + result.index) was \(result.status): \(result.errors.map(\.description))")
                    }
                }
                startNext()
            }
        }
        return (accepted, duplicates)
    }

    /// Runs `body`, prints `count` per second under `label`, and returns the seconds taken.
    @discardableResult
    func measure(_ label: String, count: Int, unit: String, _ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        let cpuStart = Self.processorSeconds()
        try await body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpu = Self.processorSeconds() - cpuStart
        let rate = seconds > 0 ? Double(count) / seconds : 0
        print(String(
            format: "%@: %d %@ in %.3f s = %.0f %@/s (CPU %.3f s, %.0f %@ per CPU-second)", label, count, unit, seconds, rate,
            unit, cpu, cpu > 0 ? Double(count) / cpu : 0, unit))
        return seconds
    }

    /// Runs the workers (inbox, due timers) and the outbox until nothing is left.
    func settle() async throws {
        while true {
            let handled = try await engine.drainWorkers().inputs
            let calls = try await engine.dispatchOutbox()
            if handled == 0 && calls == 0 { return }
        }
    }

    /// The CPU time of the process so far (all threads, user and system), in seconds.
    static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The process's resident memory (VmRSS), in bytes; 0 where /proc is missing.
    static func residentMemory() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }

    /// The database file's size after a checkpoint and the bytes of its pages in use (SQLite only).
    func storageSizes() async throws -> (file: Int, used: Int)? {
        guard let sqlite = engine.store as? SQLiteStore else { return nil }
        return try await BenchStore.sizes(of: sqlite)
    }

    /// Removes the data folder made for the run.
    func finish() {
        if ownsDirectory, let directory { try? FileManager.default.removeItem(at: directory) }
    }
}

/// A benchmark whose outcome is not what the workload implies.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
