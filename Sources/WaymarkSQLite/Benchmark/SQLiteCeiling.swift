import Foundation
import GRDB
import WaymarkCore
import WaymarkStore

/// The ceiling of the embedded store for the W1 benchmark: the rows one W1 entry writes (an
/// accepted inbox id and inbox row, consumed; an instance; a timer; three step events), inserted
/// in batches (one transaction per batch), without the engine.
public enum SQLiteCeiling {
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
        /// The same rows through `SQLiteStore.appendToInbox` and `SQLiteStore.commit`.
        public var storeEntriesPerSecond: Double
        /// How many timers `fireDueTimers` moved into the inbox (every entry's).
        public var timersFired: Int
        /// `SQLiteStore.fireDueTimers` moving every timer into the inbox, `batchSize` at a time.
        public var timerFiringsPerSecond: Double
        /// The same rates per second of CPU used by the process (all threads): what the rates
        /// would be on an idle machine without waiting on the disk.
        public var rawEntriesPerCPUSecond: Double
        public var storeEntriesPerCPUSecond: Double
        public var timerFiringsPerCPUSecond: Double
        /// The store's file size after a checkpoint, divided by the people waiting (timers pending).
        public var fileBytesPerWaitingPerson: Double
        /// The same with only the pages in use (free pages left by consumed inbox rows excluded).
        public var usedBytesPerWaitingPerson: Double

        public var description: String {
            func rate(_ value: Double) -> String { String(Int(value.rounded())) }
            return """
                SQLite ceiling: \(entries) W1 entries, batches of \(batchSize), synchronous=\(durability.pragmaValue), WAL
                  raw inserts:    \(rate(rawEntriesPerSecond)) entries/s (\(rate(rawRowsPerSecond)) rows/s, \(rowsPerEntry) rows per entry), \
                \(rate(rawEntriesPerCPUSecond)) per CPU-second
                  via the store:  \(rate(storeEntriesPerSecond)) entries/s (appendToInbox + commit), \(rate(storeEntriesPerCPUSecond)) per CPU-second
                  timer firings:  \(rate(timerFiringsPerSecond)) /s (fireDueTimers, timers into the inbox), \
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
        let rawTime = try await Measured.run { () throws(StoreError) in try await measureRaw(raw, people, batchSize: batch) }

        let store = try SQLiteStore(directory: (directory as NSString).appendingPathComponent("store"), durability: durability)
        let storeTime = try await Measured.run { () throws(StoreError) in try await measureStore(store, people, batchSize: batch) }
        try await store.checkpoint()
        let (fileBytes, usedBytes) = try await store.sizes()

        var fired = 0
        let fireTime = try await Measured.run { () throws(StoreError) in
            while true {
                let count = try await store.fireDueTimers(now: .max, partitions: nil, limit: batch)
                if count == 0 { break }
                fired += count
            }
        }
        let count = Double(max(1, entries))
        return Figures(
            entries: entries, batchSize: batch, durability: durability, rowsPerEntry: 7,
            rawEntriesPerSecond: count / rawTime.wall, rawRowsPerSecond: count * 7 / rawTime.wall,
            storeEntriesPerSecond: count / storeTime.wall, timersFired: fired, timerFiringsPerSecond: Double(fired) / fireTime.wall,
            rawEntriesPerCPUSecond: count / rawTime.cpu, storeEntriesPerCPUSecond: count / storeTime.cpu,
            timerFiringsPerCPUSecond: Double(fired) / fireTime.cpu,
            fileBytesPerWaitingPerson: Double(fileBytes) / count, usedBytesPerWaitingPerson: Double(usedBytes) / count)
    }

    /// Inserts the rows with plain cached statements; returns the seconds taken.
    private static func measureRaw(_ store: SQLiteStore, _ people: [W1Sample], batchSize: Int) async throws(StoreError) {
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
                var inbox = try FastStatement(
                    db,
                    sql: """
                        INSERT INTO inbox (partition, kind, event_id, event_name, profile_namespace, profile_id, payload, received_at)
                        VALUES (?, 'event', ?, 'signed_up', 'Email', ?, ?, ?)
                        """)
                var consume = try FastStatement(db, sql: "DELETE FROM inbox WHERE sequence = ?")
                var instance = try FastStatement(
                    db,
                    sql: """
                        INSERT INTO instances (instance_id, journey_id, journey_version_id, profile_namespace, profile_id, partition,
                            is_active, in_test, state, entered_at, updated_at) VALUES (?, 'w1', 'w1-v1', 'Email', ?, ?, 1, 0, ?, ?, ?)
                        """)
                var timer = try FastStatement(
                    db,
                    sql: "INSERT INTO timers (timer_id, partition, instance, due_at, payload) VALUES (?, ?, ?, ?, ?)")
                var step = try FastStatement(
                    db,
                    sql: """
                        INSERT INTO step_event_rows (instance, node, stepID, stepStatus, flags, eventID, timestamp, processingTime)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                        """)
                for person in batch {
                    accept.bind(person.eventID)
                    try accept.run()
                    inbox.bind(person.partition)
                    inbox.bind(person.eventID)
                    inbox.bind(person.profileID)
                    inbox.bind(person.payload)
                    inbox.bind(person.now)
                    try inbox.run()
                    consume.bind(db.lastInsertedRowID)
                    try consume.run()
                    instance.bind(person.instanceID)
                    instance.bind(person.profileID)
                    instance.bind(person.partition)
                    instance.bind(person.state)
                    instance.bind(person.now)
                    instance.bind(person.now)
                    try instance.run()
                    let reference = db.lastInsertedRowID
                    timer.bind(person.timerID)
                    timer.bind(person.partition)
                    timer.bind(reference)
                    timer.bind(person.dueAt)
                    timer.bind(person.timerPayload)
                    try timer.run()
                    for index in 0..<3 {
                        step.bind(reference)
                        step.bind(nodes[index])
                        step.bind(person.stepIDs[index])
                        step.bind(index == 2 ? 2 : 0)
                        step.bind(index == 0 ? 1 : 32)
                        step.bind(person.eventID)
                        step.bind(person.now)
                        try step.run()
                    }
                }
            }
        }
    }

    /// Writes the same rows through the store's API; returns the seconds taken.
    private static func measureStore(_ store: SQLiteStore, _ everyone: [W1Sample], batchSize: Int) async throws(StoreError) {
        for first in stride(from: 0, to: everyone.count, by: batchSize) {
            let people = everyone[first..<min(everyone.count, first + batchSize)]
            let results = try await store.appendToInbox(people.map(\.inboxEntry))
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            batch.consumedInbox = results.compactMap { if case .accepted(let sequence) = $0 { sequence } else { nil } }
            batch.instances = people.map(\.instance)
            batch.timersToAdd = people.map(\.timer)
            batch.stepEvents = people.flatMap(\.stepEvents)
            try await store.commit([batch])
        }
    }
}
