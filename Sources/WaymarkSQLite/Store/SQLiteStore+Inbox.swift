import GRDB
import WaymarkStore

extension SQLiteStore {
    public func appendToInbox(_ entries: [InboxEntry]) async throws(StoreError) -> [InboxAppendResult] {
        try await write("appending \(entries.count) inbox entries") { db in try Self.append(entries, db) }
    }

    public func inboxEntries(partition: Int, after sequence: Int64, limit: Int) async throws(StoreError) -> [InboxEntry] {
        try await read("reading the inbox of partition \(partition)") { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT sequence, partition, kind, event_id, event_name, profile_namespace, profile_id, payload, received_at
                    FROM inbox WHERE partition = ? AND sequence > ? ORDER BY sequence LIMIT ?
                    """)
            let rows = try Row.fetchCursor(statement, arguments: [partition, sequence, max(0, limit)])
            var entries: [InboxEntry] = []
            while let row = try rows.next() {
                entries.append(
                    InboxEntry(
                        sequence: try row.decode(atIndex: 0), partition: try row.decode(atIndex: 1),
                        kind: try row.enumeration(InboxKind.self, 2), eventID: try row.decode(atIndex: 3),
                        eventName: try row.decode(atIndex: 4), profile: try row.profileKey(5), payload: try row.bytes(7),
                        receivedAt: try row.decode(atIndex: 8)))
            }
            return entries
        }
    }

    public func inboxDepth() async throws(StoreError) -> Int {
        try await read("counting the inbox") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM inbox") ?? 0 }
    }

    public func acceptedEventIDs(among ids: [String]) async throws(StoreError) -> Set<String> {
        try await read("looking up \(ids.count) accepted event ids") { db in
            var query = try FastStatement(db, sql: "SELECT 1 FROM inbox_accepted WHERE event_id = ? AND kind = 'event'")
            var accepted: Set<String> = []
            for id in ids {
                query.bind(id)
                while try query.nextRow() { accepted.insert(id) }
            }
            return accepted
        }
    }

    /// Records external events accepted straight from ingestion (kind `event`).
    /// - Throws: `StoreError` `.constraint` naming the first id accepted before.
    static func accept(eventIDs: [String], _ db: Database) throws {
        var accept = try FastStatement(db, sql: "INSERT INTO inbox_accepted (event_id, kind) VALUES (?, 'event')")
        for id in eventIDs {
            accept.bind(id)
            do {
                try accept.run()
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw StoreError(.constraint, "the event \(id) was accepted before")
            }
        }
    }

    /// Appends entries whose kind and event id were never accepted, in order.
    static func append(_ entries: [InboxEntry], _ db: Database) throws -> [InboxAppendResult] {
        var accept = try FastStatement(db, sql: "INSERT INTO inbox_accepted (event_id, kind) VALUES (?, ?) ON CONFLICT DO NOTHING")
        var insert = try inboxInsert(db)
        var results: [InboxAppendResult] = []
        results.reserveCapacity(entries.count)
        for entry in entries {
            accept.bind(entry.eventID)
            accept.bind(entry.kind.rawValue)
            try accept.run()
            guard db.changesCount == 1 else {
                results.append(.duplicate)
                continue
            }
            results.append(.accepted(sequence: try insertInto(&insert, entry)))
        }
        return results
    }

    /// The statement `insertInto(_:_:)` runs.
    static func inboxInsert(_ db: Database) throws -> FastStatement {
        try FastStatement(
            db,
            sql: """
                INSERT INTO inbox (partition, kind, event_id, event_name, profile_namespace, profile_id, payload, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    /// Inserts an inbox row without looking at the accepted ids.
    /// - Returns: its sequence.
    static func insertInto(_ insert: inout FastStatement, _ entry: InboxEntry) throws -> Int64 {
        insert.bind(entry.partition)
        insert.bind(entry.kind.rawValue)
        insert.bind(entry.eventID)
        insert.bind(entry.eventName)
        insert.bind(entry.profile.namespace)
        insert.bind(entry.profile.id)
        insert.bind(entry.payload)
        insert.bind(entry.receivedAt)
        try insert.run()
        return insert.db.lastInsertedRowID
    }
}
