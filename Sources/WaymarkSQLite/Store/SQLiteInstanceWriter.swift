import GRDB
import WaymarkStore

/// Writes a commit's instances, each with its timers in the same row write, through one cached
/// statement prepared once per batch. The profile and journey version of an instance never
/// change; a person holds one active place per journey.
struct SQLiteInstanceWriter {
    private var upsert: FastStatement

    init(_ db: Database) throws {
        upsert = try FastStatement(
            db,
            sql: """
                INSERT INTO instances (\(SQLiteStore.instanceColumns), due_at, timer_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (instance_id) DO UPDATE SET
                    partition = excluded.partition, is_active = excluded.is_active, in_test = excluded.in_test,
                    state = excluded.state, entered_at = excluded.entered_at, updated_at = excluded.updated_at,
                    timers = excluded.timers, due_at = excluded.due_at, timer_count = excluded.timer_count
                WHERE journey_id = excluded.journey_id AND journey_version_id = excluded.journey_version_id
                    AND profile_namespace = excluded.profile_namespace AND profile_id = excluded.profile_id
                """)
    }

    /// Creates or updates an instance with its timers; returns the row reference of an instance
    /// it created (`nil` when it updated one: `SQLiteStore.instanceReference` finds it if needed).
    /// - Throws: `StoreError` `.constraint` when the person already holds another active place in
    ///   the journey, or the instance exists with another profile or journey version.
    mutating func write(_ record: InstanceRecord) throws -> Int64? {
        let outcome: FastStatement.UpsertOutcome
        do {
            upsert.bind(record.instanceID)
            upsert.bind(record.journeyID)
            upsert.bind(record.journeyVersionID)
            upsert.bind(record.profile.namespace)
            upsert.bind(record.profile.id)
            upsert.bind(record.partition)
            upsert.bind(record.isActive ? 1 : nil as Int64?)
            upsert.bind(record.inTest)
            upsert.bind(record.state)
            upsert.bind(record.enteredAt)
            upsert.bind(record.updatedAt)
            let timers = InstanceTimerColumns(record.timers, isActive: record.isActive)
            upsert.bind(timers.encoded)
            upsert.bind(timers.dueAt)
            upsert.bind(timers.count)
            outcome = try upsert.runUpsert()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError(
                .constraint,
                "instance \(record.instanceID): \(record.profile) already has an active instance in journey \(record.journeyID) "
                    + "(\(error.message ?? "constraint"))")
        }
        switch outcome {
        case .inserted(let rowID):
            return rowID
        case .updated:
            return nil
        case .refused:
            throw StoreError(
                .constraint,
                "instance \(record.instanceID) exists with another profile or journey version than \(record.profile) in "
                    + record.journeyVersionID)
        }
    }
}
