import GRDB
import WaymarkStore

extension SQLiteStore {
    public func outboxEntries(availableAt now: Int64, limit: Int) async throws(StoreError) -> [OutboxRecord] {
        try await read("reading the outbox") { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT outbox_id, partition, instance_id, profile_namespace, profile_id, kind, payload, created_at, available_at
                    FROM outbox WHERE available_at <= ? ORDER BY available_at, position LIMIT ?
                    """)
            let rows = try Row.fetchCursor(statement, arguments: [now, max(0, limit)])
            var records: [OutboxRecord] = []
            while let row = try rows.next() {
                records.append(
                    OutboxRecord(
                        id: try row.decode(atIndex: 0), partition: try row.decode(atIndex: 1), instanceID: try row.decode(atIndex: 2),
                        profile: try row.profileKey(3), kind: try row.decode(atIndex: 5), payload: try row.bytes(6),
                        createdAt: try row.decode(atIndex: 7), availableAt: try row.decode(atIndex: 8)))
            }
            return records
        }
    }

    public func completeOutbox(_ completions: [OutboxCompletion]) async throws(StoreError) {
        try await write("completing \(completions.count) outbox rows") { db in
            // The row's removal is what makes its result delivered once: a completion whose row
            // is gone (completed before) writes nothing.
            var delete = try FastStatement(db, sql: "DELETE FROM outbox WHERE outbox_id = ?")
            var insert = try Self.inboxInsert(db)
            for completion in completions {
                delete.bind(completion.outboxID)
                try delete.run()
                guard db.changesCount == 1 else { continue }
                _ = try Self.insertInto(&insert, completion.result)
                if let failedCall = completion.failedCall { try Self.keep(failedCall, db) }
            }
        }
    }

    public func postponeOutbox(ids: [String], until availableAt: Int64) async throws(StoreError) {
        try await write("postponing \(ids.count) outbox rows") { db in
            let update = try db.cachedStatement(sql: "UPDATE outbox SET available_at = ? WHERE outbox_id = ?")
            for id in ids { try update.execute(arguments: [availableAt, id]) }
        }
    }

    /// Adds an outbox row; its id must be new.
    static func add(_ record: OutboxRecord, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO outbox (outbox_id, partition, instance_id, profile_namespace, profile_id, kind, payload, created_at,
                    available_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            record.id, record.partition, record.instanceID, record.profile.namespace, record.profile.id, record.kind,
            record.payload.blob, record.createdAt, record.availableAt,
        ])
    }
}
