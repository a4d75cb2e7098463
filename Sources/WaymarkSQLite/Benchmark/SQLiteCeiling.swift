import Foundation
import GRDB
import WaymarkCore
import WaymarkStore

/// The ceiling of the embedded store for the W1 benchmark: the rows one W1 entry writes (the
/// event's accepted id; the instance, holding its two timers; its three step events as one
/// step-event group), inserted in
/// batches (one transaction per batch), without the engine; then the store's share of firing
/// every 1 h wait.
public enum SQLiteCeiling {
    /// Rows one W1 entry writes: the accepted id, the instance, one group of three step events.
    static let rowsPerEntry = 3

    /// What one measurement found.
    public struct Figures: Sendable, Hashable, CustomStringConvertible {
        public var entries: Int
        public var batchSize: Int
        public var durability: SQLiteStore.Durability
        /// Rows inserted per W1 entry by the raw path.
        public var rowsPerEntry: Int
        /// Raw SQL (cached statements, one transaction per batch): entries and rows per second.
        public var rawEntriesPerSecond: Double
        public var rawRowsPerSecond: Double
        /// The same rows through `SQLiteStore.commit` (the event ids in `acceptedEventIDs`).
        public var storeEntriesPerSecond: Double
        /// How many due instances the timer part rewrote (every entry's).
        public var timersFired: Int
        /// What firing costs the store, `batchSize` instances at a time: `dueProfiles`, then
        /// `instances(of:)`, then a commit rewriting each due instance with its timers emptied.
        public var timerFiringsPerSecond: Double
        /// The same rates per second of CPU used by the process (all threads): what the rates
        /// would be on an idle machine without waiting on the disk.
        public var rawEntriesPerCPUSecond: Double
        public var storeEntriesPerCPUSecond: Double
        public var timerFiringsPerCPUSecond: Double
        /// The store's file size after a checkpoint, divided by the people waiting (timers pending).
        public var fileBytesPerWaitingPerson: Double
        /// The same with only the pages in use (free pages excluded).
        public var usedBytesPerWaitingPerson: Double

        public var description: String {
            func rate(_ value: Double) -> String { String(Int(value.rounded())) }
            return """
                SQLite ceiling: \(entries) W1 entries, batches of \(batchSize), synchronous=\(durability.pragmaValue), WAL
                  raw inserts:    \(rate(rawEntriesPerSecond)) entries/s (\(rate(rawRowsPerSecond)) rows/s, \(rowsPerEntry) rows per entry), \
                \(rate(rawEntriesPerCPUSecond)) per CPU-second
                  via the store:  \(rate(storeEntriesPerSecond)) entries/s (commit with acceptedEventIDs), \(rate(storeEntriesPerCPUSecond)) per CPU-second
                  timer firings:  \(rate(timerFiringsPerSecond)) /s (dueProfiles + instances + commit emptying the timers), \
                \(rate(timerFiringsPerCPUSecond)) per CPU-second
                  storage:        \(rate(fileBytesPerWaitingPerson)) bytes per waiting person (file), \(rate(usedBytesPerWaitingPerson)) (pages in use)
                """
        }
    }

    /// Measures the ceiling in `directory` (two stores are created in it: `raw/` and `store/`).
    ///
    /// - Parameters:
    ///   - entries: how many people enter (N).
    ///   - batchSize: entries per transaction (group commit).
    ///   - durability: the `synchronous` setting of both stores.
    public static func measure(
        directory: String, entries: Int = 100_000, batchSize: Int = 5_000, durability: SQLiteStore.Durability = .full
    ) async throws(StoreError) -> Figures {
        let batch = max(1, batchSize)
        let people = (0..<max(0, entries)).map(W1Sample.init)
        let raw = try SQLiteStore(directory: (directory as NSString).appendingPathComponent("raw"), durability: durability)
        let steps = people.map(\.stepEvents)  // made before the clock starts, as the engine makes them before the commit
        let rawTime = try await Measured.run { () throws(StoreError) in try await measureRaw(raw, people, steps, batchSize: batch) }

        let store = try SQLiteStore(directory: (directory as NSString).appendingPathComponent("store"), durability: durability)
        let storeTime = try await Measured.run { () throws(StoreError) in try await measureStore(store, people, batchSize: batch) }
        try await store.checkpoint()
        let (fileBytes, usedBytes) = try await store.sizes()

        var fired = 0
        let fireTime = try await Measured.run { () throws(StoreError) in
            fired = try await fireEveryWait(store, now: W1Sample(people.count).dueAt, batchSize: batch)
        }
        let count = Double(max(1, entries))
        return Figures(
            entries: entries, batchSize: batch, durability: durability, rowsPerEntry: rowsPerEntry,
            rawEntriesPerSecond: count / rawTime.wall, rawRowsPerSecond: count * Double(rowsPerEntry) / rawTime.wall,
            storeEntriesPerSecond: count / storeTime.wall, timersFired: fired, timerFiringsPerSecond: Double(fired) / fireTime.wall,
            rawEntriesPerCPUSecond: count / rawTime.cpu, storeEntriesPerCPUSecond: count / storeTime.cpu,
            timerFiringsPerCPUSecond: Double(fired) / fireTime.cpu,
            fileBytesPerWaitingPerson: Double(fileBytes) / count, usedBytesPerWaitingPerson: Double(usedBytes) / count)
    }

    /// Inserts the rows with plain cached statements and the store's step-group writer
    /// (`steps[i]`: the step events of `people[i]`).
    private static func measureRaw(
        _ store: SQLiteStore, _ people: [W1Sample], _ steps: [[StepEvent]], batchSize: Int
    ) async throws(StoreError) {
        let nodes = try await store.write("creating the benchmark's step nodes") { db in
            try (0..<3).map { index in
                try db.execute(
                    sql: """
                        INSERT INTO step_nodes (journeyID, journeyVersionID, journeyVersionName, journeyVersion, nodeID, nodeName,
                            nodeType, stepName, stepType) VALUES ('w1', 'w1-v1', 'W1', '1.0', ?, ?, ?, ?, ?)
                        """, arguments: StatementArguments(W1Sample.nodes[index]))
                return db.lastInsertedRowID
            }
        }
        for first in stride(from: 0, to: people.count, by: batchSize) {
            let batch = people[first..<min(people.count, first + batchSize)]
            try await store.write("inserting benchmark rows") { db in
                var accept = try FastStatement(db, sql: "INSERT INTO inbox_accepted (event_id, kind) VALUES (?, 'event')")
                var instance = try FastStatement(
                    db,
                    sql: """
                        INSERT INTO instances (instance_id, journey_id, journey_version_id, profile_namespace, profile_id, partition,
                            is_active, in_test, state, entered_at, updated_at, timers, due_at, timer_count)
                        VALUES (?, 'w1', 'w1-v1', 'Email', ?, ?, 1, 0, ?, ?, ?, ?, ?, 2)
                        """)
                var groups = try SQLiteStepGroupWriter(db, position: nil)
                for (person, personSteps) in zip(batch, steps[batch.indices]) {
                    accept.bind(person.eventID)
                    try accept.run()
                    instance.bind(person.instanceID)
                    instance.bind(person.profileID)
                    instance.bind(person.partition)
                    instance.bind(person.state)
                    instance.bind(person.now)
                    instance.bind(person.now)
                    instance.bind(person.timers.encoded)
                    instance.bind(person.dueAt)
                    try instance.run()
                    let reference = SQLiteCommitContext.InstanceReference(reference: db.lastInsertedRowID, profile: person.profile)
                    var step = 0
                    try groups.write(personSteps[...], instance: reference) { _ in
                        defer { step += 1 }
                        return nodes[step]
                    }
                }
            }
        }
    }

    /// Writes the same rows through the store's API: the event ids accepted in the commit.
    private static func measureStore(_ store: SQLiteStore, _ everyone: [W1Sample], batchSize: Int) async throws(StoreError) {
        for first in stride(from: 0, to: everyone.count, by: batchSize) {
            let people = everyone[first..<min(everyone.count, first + batchSize)]
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            batch.acceptedEventIDs = people.map(\.eventID)
            batch.instances = people.map(\.instance)
            batch.stepEvents = people.flatMap(\.stepEvents)
            try await store.commit([batch])
        }
    }

    /// Fires every timer due at `now` the way a partition worker does, `batchSize` people at a
    /// time: finds the people due, reads their instances, rewrites each due one with its timers
    /// emptied. Returns how many instances it rewrote.
    private static func fireEveryWait(_ store: SQLiteStore, now: Int64, batchSize: Int) async throws(StoreError) -> Int {
        var fired = 0
        while true {
            let people = try await store.dueProfiles(partition: 0, now: now, limit: batchSize)
            if people.isEmpty { return fired }
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            for var instance in try await store.instances(of: people) where instance.nextDueAt.map({ $0 <= now }) == true {
                instance.timers = []
                instance.updatedAt = now
                batch.instances.append(instance)
            }
            try await store.commit([batch])
            fired += batch.instances.count
        }
    }
}
