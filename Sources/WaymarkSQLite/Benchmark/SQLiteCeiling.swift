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
        /// The store's file size after a checkpoint, divided by the people waiting (timers pending).
        public var fileBytesPerWaitingPerson: Double
        /// The same with only the pages in use (free pages left by consumed inbox rows excluded).
        public var usedBytesPerWaitingPerson: Double

        public var description: String {
            func rate(_ value: Double) -> String { String(Int(value.rounded())) }
            return """
                SQLite ceiling: \(entries) W1 entries, batches of \(batchSize), synchronous=\(durability.pragmaValue), WAL
                  raw inserts:    \(rate(rawEntriesPerSecond)) entries/s (\(rate(rawRowsPerSecond)) rows/s, \(rowsPerEntry) rows per entry)
                  via the store:  \(rate(storeEntriesPerSecond)) entries/s (appendToInbox + commit)
                  timer firings:  \(rate(timerFiringsPerSecond)) /s (fireDueTimers, timers into the inbox)
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
        let raw = try SQLiteStore(directory: (directory as NSString).appendingPathComponent("raw"), durability: durability)
        let rawSeconds = try await measureRaw(raw, entries: entries, batchSize: batch)

        let store = try SQLiteStore(directory: (directory as NSString).appendingPathComponent("store"), durability: durability)
        let storeSeconds = try await measureStore(store, entries: entries, batchSize: batch)
        try await store.checkpoint()
        let (fileBytes, usedBytes) = try await store.sizes()

        let start = ContinuousClock.now
        var fired = 0
        while true {
            let count = try await store.fireDueTimers(now: .max, partitions: nil, limit: batch)
            if count == 0 { break }
            fired += count
        }
        let fireSeconds = (ContinuousClock.now - start).seconds
        let people = Double(max(1, entries))
        return Figures(
            entries: entries, batchSize: batch, durability: durability, rowsPerEntry: 7,
            rawEntriesPerSecond: people / rawSeconds, rawRowsPerSecond: people * 7 / rawSeconds,
            storeEntriesPerSecond: people / storeSeconds, timersFired: fired, timerFiringsPerSecond: Double(fired) / fireSeconds,
            fileBytesPerWaitingPerson: Double(fileBytes) / people, usedBytesPerWaitingPerson: Double(usedBytes) / people)
    }

    /// Inserts the rows with plain cached statements; returns the seconds taken.
    private static func measureRaw(_ store: SQLiteStore, entries: Int, batchSize: Int) async throws(StoreError) -> Double {
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
        let start = ContinuousClock.now
        for first in stride(from: 0, to: entries, by: batchSize) {
            let range = first..<min(entries, first + batchSize)
            try await store.write("inserting benchmark rows") { db in
                let accept = try db.cachedStatement(sql: "INSERT INTO inbox_accepted (event_id, kind) VALUES (?, 'event')")
                let inbox = try db.cachedStatement(
                    sql: """
                        INSERT INTO inbox (partition, kind, event_id, event_name, profile_namespace, profile_id, payload, received_at)
                        VALUES (?, 'event', ?, 'signed_up', 'Email', ?, ?, ?)
                        """)
                let consume = try db.cachedStatement(sql: "DELETE FROM inbox WHERE sequence = ?")
                let instance = try db.cachedStatement(
                    sql: """
                        INSERT INTO instances (instance_id, journey_id, journey_version_id, profile_namespace, profile_id, partition,
                            is_active, in_test, state, entered_at, updated_at) VALUES (?, 'w1', 'w1-v1', 'Email', ?, ?, 1, 0, ?, ?, ?)
                        """)
                let timer = try db.cachedStatement(
                    sql: """
                        INSERT INTO timers (timer_id, partition, instance_id, profile_namespace, profile_id, due_at, payload)
                        VALUES (?, ?, ?, 'Email', ?, ?, ?)
                        """)
                let step = try db.cachedStatement(
                    sql: """
                        INSERT INTO step_event_rows (instance, node, stepID, stepStatus, flags, eventID, timestamp, processingTime,
                            parentStepID) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)
                        """)
                for number in range {
                    let person = W1Sample(number)
                    try accept.execute(arguments: [person.eventID])
                    try inbox.execute(arguments: [person.partition, person.eventID, person.profileID, person.payload, person.now])
                    try consume.execute(arguments: [db.lastInsertedRowID])
                    try instance.execute(arguments: [
                        person.instanceID, person.profileID, person.partition, person.state, person.now, person.now,
                    ])
                    let reference = db.lastInsertedRowID
                    try timer.execute(arguments: [
                        person.timerID, person.partition, person.instanceID, person.profileID, person.dueAt, person.timerPayload,
                    ])
                    for index in 0..<3 {
                        try step.execute(arguments: [
                            reference, nodes[index], person.stepIDs[index], index == 2 ? 2 : 0, index == 0 ? 1 : 0, person.eventID,
                            person.now, index == 0 ? nil : person.stepIDs[index - 1],
                        ])
                    }
                }
            }
        }
        return (ContinuousClock.now - start).seconds
    }

    /// Writes the same rows through the store's API; returns the seconds taken.
    private static func measureStore(_ store: SQLiteStore, entries: Int, batchSize: Int) async throws(StoreError) -> Double {
        let start = ContinuousClock.now
        for first in stride(from: 0, to: entries, by: batchSize) {
            let people = (first..<min(entries, first + batchSize)).map(W1Sample.init)
            let results = try await store.appendToInbox(people.map(\.inboxEntry))
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            batch.consumedInbox = results.compactMap { if case .accepted(let sequence) = $0 { sequence } else { nil } }
            batch.instances = people.map(\.instance)
            batch.timersToAdd = people.map(\.timer)
            batch.stepEvents = people.flatMap(\.stepEvents)
            try await store.commit([batch])
        }
        return (ContinuousClock.now - start).seconds
    }
}

extension Duration {
    /// The duration in seconds.
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = components
        return max(1e-9, Double(seconds) + Double(attoseconds) / 1e18)
    }
}
