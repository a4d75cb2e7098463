import Foundation
import GRDB
import WaymarkStore

extension SQLiteStore {
    public func nextTimerDue(partitions: Set<Int>?) async throws(StoreError) -> Int64? {
        try await read("reading the next due timer") { db in
            guard let partitions else {
                return try Int64.fetchOne(db.cachedStatement(sql: "SELECT min(due_at) FROM timers"))
            }
            let statement = try db.cachedStatement(
                sql: "SELECT due_at FROM timers WHERE partition IN (SELECT value FROM json_each(?)) ORDER BY due_at LIMIT 1")
            return try Int64.fetchOne(statement, arguments: [Self.jsonList(partitions)])
        }
    }

    /// Moves due timers into the inbox in SQL: the same due selection (index order, stable inside
    /// the transaction) feeds the inbox, the accepted ids, then the delete.
    public func fireDueTimers(now: Int64, partitions: Set<Int>?, limit: Int) async throws(StoreError) -> Int {
        try await write("firing timers due at \(now)") { db in
            let filter = partitions == nil ? "" : "AND partition IN (SELECT value FROM json_each(:partitions))"
            let due = "SELECT rowid FROM timers WHERE due_at <= :now \(filter) ORDER BY due_at LIMIT :limit"
            var arguments: StatementArguments = ["now": now, "limit": max(0, limit)]
            if let partitions { arguments += ["partitions": Self.jsonList(partitions)] }
            try db.cachedStatement(
                sql: """
                    INSERT INTO inbox (partition, kind, event_id, event_name, profile_namespace, profile_id, payload, received_at)
                    SELECT t.partition, 'timer', t.timer_id, NULL, COALESCE(t.profile_namespace, i.profile_namespace),
                        COALESCE(t.profile_id, i.profile_id), t.payload, t.due_at
                    FROM timers t LEFT JOIN instances i ON i.ref = t.instance
                    WHERE t.rowid IN (\(due))
                        AND NOT EXISTS (SELECT 1 FROM inbox_accepted a WHERE a.event_id = t.timer_id AND a.kind = 'timer')
                    ORDER BY t.due_at, t.rowid
                    """
            ).execute(arguments: arguments)
            try db.cachedStatement(
                sql: """
                    INSERT INTO inbox_accepted (event_id, kind) SELECT timer_id, 'timer' FROM timers WHERE rowid IN (\(due))
                    ON CONFLICT DO NOTHING
                    """
            ).execute(arguments: arguments)
            try db.cachedStatement(sql: "DELETE FROM timers WHERE rowid IN (\(due))").execute(arguments: arguments)
            return db.changesCount
        }
    }

    public func timerCount() async throws(StoreError) -> Int {
        try await read("counting timers") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM timers") ?? 0 }
    }

    /// Adds a timer, or reschedules the timer of the same id.
    static func add(_ timer: TimerRecord, _ context: inout SQLiteCommitContext, _ db: Database) throws {
        let instance = try instanceReference(timer.instanceID, &context, db)
        let sameProfile = instance?.profile == timer.profile
        var statement = try FastStatement(
            db,
            sql: """
                INSERT INTO timers (timer_id, partition, instance, instance_id, profile_namespace, profile_id, due_at, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (timer_id) DO UPDATE SET partition = excluded.partition, instance = excluded.instance,
                    instance_id = excluded.instance_id, profile_namespace = excluded.profile_namespace,
                    profile_id = excluded.profile_id, due_at = excluded.due_at, payload = excluded.payload
                """)
        statement.bind(timer.timerID)
        statement.bind(timer.partition)
        statement.bind(instance?.reference)
        statement.bind(instance == nil ? timer.instanceID : nil)
        statement.bind(sameProfile ? nil : timer.profile.namespace)
        statement.bind(sameProfile ? nil : timer.profile.id)
        statement.bind(timer.dueAt)
        statement.bind(timer.payload)
        try statement.run()
    }

    /// Deletes a timer (nothing when it is gone).
    static func cancelTimer(_ id: String, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM timers WHERE timer_id = ?").execute(arguments: [id])
    }

    /// A JSON array of integers, for `json_each`.
    static func jsonList(_ values: Set<Int>) -> String {
        "[" + values.sorted().map(String.init).joined(separator: ",") + "]"
    }
}
