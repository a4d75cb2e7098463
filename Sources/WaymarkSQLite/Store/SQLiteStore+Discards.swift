import GRDB
import WaymarkCore
import WaymarkStore

extension SQLiteStore {
    public func discards(offset: Int, limit: Int) async throws(StoreError) -> [DiscardRecord] {
        try await read("reading discards") { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT eventID, eventName, journeyID, journeyVersionID, profileID, profileNamespace, reason, message, timestamp
                    FROM discards ORDER BY position LIMIT ? OFFSET ?
                    """)
            let rows = try Row.fetchCursor(statement, arguments: [max(0, limit), max(0, offset)])
            var records: [DiscardRecord] = []
            while let row = try rows.next() {
                records.append(
                    DiscardRecord(
                        eventID: try row.decode(atIndex: 0), eventName: try row.decode(atIndex: 1), journeyID: try row.decode(atIndex: 2),
                        journeyVersionID: try row.decode(atIndex: 3), profileID: try row.decode(atIndex: 4),
                        profileNamespace: try row.decode(atIndex: 5), reason: try row.enumeration(DiscardRecord.Reason.self, 6),
                        message: try row.decode(atIndex: 7), timestamp: try row.decode(atIndex: 8)))
            }
            return records
        }
    }

    static func insert(_ discard: DiscardRecord, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO discards (eventID, eventName, journeyID, journeyVersionID, profileID, profileNamespace, reason, message,
                    timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            discard.eventID, discard.eventName, discard.journeyID, discard.journeyVersionID, discard.profileID,
            discard.profileNamespace, discard.reason.rawValue, discard.message, discard.timestamp,
        ])
    }
}
