import GRDB
import WaymarkCore
import WaymarkStore

extension SQLiteStore {
    static let instanceColumns = """
        instance_id, journey_id, journey_version_id, profile_namespace, profile_id, partition, is_active, in_test, state,
        entered_at, updated_at, timers
        """

    /// Reads through SQLite's C API (every timer firing reads its people's instances): a
    /// person's rows come by journey from the profile index, then in the order first written.
    public func instances(of profiles: [ProfileKey]) async throws(StoreError) -> [InstanceRecord] {
        try await read("reading the instances of \(profiles.count) profiles") { db in
            var query = try FastStatement(
                db, sql: "SELECT \(Self.instanceColumns), ref FROM instances WHERE profile_namespace = ? AND profile_id = ?")
            var seen: Set<ProfileKey> = []
            var records: [InstanceRecord] = []
            var references: [(String, SQLiteCommitContext.InstanceReference)] = []
            for profile in profiles where seen.insert(profile).inserted {
                query.bind(profile.namespace)
                query.bind(profile.id)
                var found: [(reference: Int64, record: InstanceRecord)] = []
                while try query.nextRow() { found.append((try query.integer(12), try Self.instance(query))) }
                if found.count > 1 { found.sort { $0.reference < $1.reference } }
                for (reference, record) in found where record.isActive {
                    references.append((record.instanceID, .init(reference: reference, profile: record.profile)))
                }
                records += found.map(\.record)
            }
            self.remember(references)
            return records
        }
    }

    /// Adds instance rows to the references commits look up (emptied when full).
    private func remember(_ references: [(String, SQLiteCommitContext.InstanceReference)]) {
        guard !references.isEmpty else { return }
        instanceReferences.withLock { cache in
            if cache.count + references.count > Self.instanceReferenceLimit { cache.removeAll(keepingCapacity: true) }
            for (id, reference) in references { cache[id] = reference }
        }
    }

    public func instance(id: String) async throws(StoreError) -> InstanceRecord? {
        try await read("reading instance \(id)") { db in
            var query = try FastStatement(db, sql: "SELECT \(Self.instanceColumns) FROM instances WHERE instance_id = ?")
            query.bind(id)
            var found: InstanceRecord?
            while try query.nextRow() { found = try Self.instance(query) }
            return found
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

    public func testInstances(journeyVersionID: String) async throws(StoreError) -> [InstanceRecord] {
        try await read("reading the test instances of \(journeyVersionID)") { db in
            var query = try FastStatement(
                db, sql: "SELECT \(Self.instanceColumns) FROM instances WHERE journey_version_id = ? AND in_test = 1 ORDER BY ref")
            query.bind(journeyVersionID)
            var records: [InstanceRecord] = []
            while try query.nextRow() { records.append(try Self.instance(query)) }
            return records
        }
    }

    public func deleteTestInstances(journeyVersionID: String) async throws(StoreError) -> Int {
        try await write("deleting the test instances of \(journeyVersionID)") { db in
            // Their step events go with them (test data, flagged inTest).
            try db.execute(
                sql: "DELETE FROM step_event_groups WHERE instance IN (SELECT ref FROM instances WHERE journey_version_id = ? AND in_test = 1)",
                arguments: [journeyVersionID])
            try db.execute(sql: "DELETE FROM instances WHERE journey_version_id = ? AND in_test = 1", arguments: [journeyVersionID])
            return db.changesCount
        }
    }

    /// The instance a query selecting `instanceColumns` stands on.
    static func instance(_ row: FastStatement) throws(StoreError) -> InstanceRecord {
        let id = try row.text(0)
        return InstanceRecord(
            instanceID: id, journeyID: try row.text(1), journeyVersionID: try row.text(2),
            profile: ProfileKey(namespace: try row.text(3), id: try row.text(4)), partition: Int(try row.integer(5)),
            isActive: try row.optionalInteger(6) == 1, inTest: try row.integer(7) != 0, state: try row.blob(8),
            enteredAt: try row.integer(9), updatedAt: try row.integer(10),
            timers: try InstanceTimerColumns.timers(try row.optionalBlob(11), instanceID: id))
    }
}
