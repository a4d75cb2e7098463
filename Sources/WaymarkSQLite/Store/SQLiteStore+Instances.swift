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

    /// Creates or updates an instance with its timers; returns its row reference. The profile and
    /// journey version of an instance never change; a person holds one active place per journey.
    static func upsert(_ record: InstanceRecord, _ db: Database) throws -> Int64 {
        var statement = try FastStatement(
            db,
            sql: """
                INSERT INTO instances (\(instanceColumns), due_at, timer_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (instance_id) DO UPDATE SET
                    partition = excluded.partition, is_active = excluded.is_active, in_test = excluded.in_test,
                    state = excluded.state, entered_at = excluded.entered_at, updated_at = excluded.updated_at,
                    timers = excluded.timers, due_at = excluded.due_at, timer_count = excluded.timer_count
                WHERE journey_id = excluded.journey_id AND journey_version_id = excluded.journey_version_id
                    AND profile_namespace = excluded.profile_namespace AND profile_id = excluded.profile_id
                RETURNING ref
                """)
        let reference: Int64?
        do {
            statement.bind(record.instanceID)
            statement.bind(record.journeyID)
            statement.bind(record.journeyVersionID)
            statement.bind(record.profile.namespace)
            statement.bind(record.profile.id)
            statement.bind(record.partition)
            statement.bind(record.isActive ? 1 : nil as Int64?)
            statement.bind(record.inTest)
            statement.bind(record.state)
            statement.bind(record.enteredAt)
            statement.bind(record.updatedAt)
            let timers = InstanceTimerColumns(record.timers, isActive: record.isActive)
            statement.bind(timers.encoded)
            statement.bind(timers.dueAt)
            statement.bind(timers.count)
            reference = try statement.run()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError(
                .constraint,
                "instance \(record.instanceID): \(record.profile) already has an active instance in journey \(record.journeyID) "
                    + "(\(error.message ?? "constraint"))")
        }
        guard let reference else {
            throw StoreError(
                .constraint,
                "instance \(record.instanceID) exists with another profile or journey version than \(record.profile) in "
                    + record.journeyVersionID)
        }
        return reference
    }
}
