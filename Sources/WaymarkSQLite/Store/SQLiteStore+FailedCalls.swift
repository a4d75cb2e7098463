import GRDB
import WaymarkCore
import WaymarkStore

extension SQLiteStore {
    private static let failedCallColumns = """
        id, kind, partition, instance_id, profile_namespace, profile_id, request, error_kind, error_code, failed_at, attempts,
        replayed_at, replay_status, replay_succeeded
        """

    public func failedCalls(after: String?, limit: Int) async throws(StoreError) -> [FailedCallRecord] {
        try await read("listing failed calls") { db in
            var start: (failedAt: Int64, id: String) = (.min, "")
            if let after {
                guard let failedAt = try Int64.fetchOne(db, sql: "SELECT failed_at FROM failed_calls WHERE id = ?", arguments: [after])
                else { throw StoreError.noFailedCall(after, "list after") }
                start = (failedAt, after)
            }
            let statement = try db.cachedStatement(
                sql: """
                    SELECT \(Self.failedCallColumns) FROM failed_calls WHERE (failed_at, id) > (?, ?)
                    ORDER BY failed_at, id LIMIT ?
                    """)
            let rows = try Row.fetchCursor(statement, arguments: [start.failedAt, start.id, max(0, limit)])
            var records: [FailedCallRecord] = []
            while let row = try rows.next() { records.append(try row.failedCall()) }
            return records
        }
    }

    public func failedCall(id: String) async throws(StoreError) -> FailedCallRecord? {
        try await read("reading failed call \(id)") { db in
            let statement = try db.cachedStatement(sql: "SELECT \(Self.failedCallColumns) FROM failed_calls WHERE id = ?")
            return try Row.fetchOne(statement, arguments: [id])?.failedCall()
        }
    }

    public func markReplayed(id: String, at replayedAt: Int64, status: Int?, succeeded: Bool) async throws(StoreError) {
        try await write("marking failed call \(id) replayed") { db in
            try db.cachedStatement(
                sql: "UPDATE failed_calls SET replayed_at = ?, replay_status = ?, replay_succeeded = ? WHERE id = ?"
            ).execute(arguments: [replayedAt, status, succeeded, id])
            guard db.changesCount > 0 else { throw StoreError.noFailedCall(id, "mark replayed") }
        }
    }

    /// Keeps a failed call; one already kept is left as is (a completion delivered twice).
    static func keep(_ record: FailedCallRecord, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO failed_calls (\(failedCallColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """
        ).execute(arguments: [
            record.id, record.kind.rawValue, record.partition, record.instanceID, record.profile.namespace, record.profile.id,
            record.request.blob, record.errorKind.rawValue, record.errorCode, record.failedAt, record.attempts, record.replayedAt,
            record.replayStatus, record.replaySucceeded,
        ])
    }
}

extension Row {
    /// A `failed_calls` row, its columns in `SQLiteStore.failedCallColumns` order.
    fileprivate func failedCall() throws -> FailedCallRecord {
        var record = FailedCallRecord(
            id: try decode(atIndex: 0), kind: try enumeration(ExternalCallKind.self, 1), partition: try decode(atIndex: 2),
            instanceID: try decode(atIndex: 3), profile: try profileKey(4), request: try bytes(6),
            errorKind: try enumeration(ExternalCallErrorKind.self, 7), errorCode: try decode(atIndex: 8),
            failedAt: try decode(atIndex: 9), attempts: try decode(atIndex: 10))
        record.replayedAt = try decode(atIndex: 11)
        record.replayStatus = try decode(atIndex: 12)
        record.replaySucceeded = try decode(atIndex: 13)
        return record
    }
}
