import GRDB
import WaymarkCore
import WaymarkStore

extension SQLiteStore {
    static let instanceColumns = """
        instance_id, journey_id, journey_version_id, profile_namespace, profile_id, partition, is_active, in_test, state,
        entered_at, updated_at, timers
        """

    public func instances(of profiles: [ProfileKey]) async throws(StoreError) -> [InstanceRecord] {
        try await read("reading the instances of \(profiles.count) profiles") { db in
            let statement = try db.cachedStatement(
                sql: "SELECT \(Self.instanceColumns) FROM instances WHERE profile_namespace = ? AND profile_id = ? ORDER BY ref")
            var seen: Set<ProfileKey> = []
            var records: [InstanceRecord] = []
            for profile in profiles where seen.insert(profile).inserted {
                let rows = try Row.fetchCursor(statement, arguments: [profile.namespace, profile.id])
                while let row = try rows.next() { records.append(try Self.instance(row)) }
            }
            return records
        }
    }

    public func instance(id: String) async throws(StoreError) -> InstanceRecord? {
        try await read("reading instance \(id)") { db in
            let statement = try db.cachedStatement(sql: "SELECT \(Self.instanceColumns) FROM instances WHERE instance_id = ?")
            return try Row.fetchOne(statement, arguments: [id]).map(Self.instance)
        }
    }

    public func activeInstanceCount(journeyVersionID: String?) async throws(StoreError) -> Int {
        try await read("counting active instances") { db in
            if let journeyVersionID {
                return try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM instances WHERE is_active = 1 AND journey_version_id = ?",
                    arguments: [journeyVersionID]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM instances WHERE is_active = 1") ?? 0
        }
    }

    static func instance(_ row: Row) throws -> InstanceRecord {
        let id: String = try row.decode(atIndex: 0)
        return InstanceRecord(
            instanceID: id, journeyID: try row.decode(atIndex: 1), journeyVersionID: try row.decode(atIndex: 2),
            profile: try row.profileKey(3), partition: try row.decode(atIndex: 5), isActive: try row.decode(Int?.self, atIndex: 6) == 1,
            inTest: try row.decode(atIndex: 7), state: try row.bytes(8), enteredAt: try row.decode(atIndex: 9),
            updatedAt: try row.decode(atIndex: 10),
            timers: try InstanceTimerColumns.timers(try row.optionalBytes(11), instanceID: id))
    }
}
