import Foundation
import GRDB
import WaymarkCore
import WaymarkStore

extension SQLiteStore {
    public func expediteTimers(journeyVersionID: String, to now: Int64) async throws(StoreError) -> Int {
        try await write("expediting the timers of \(journeyVersionID)") { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT ref, instance_id, timers FROM instances WHERE is_active = 1 AND journey_version_id = ? AND timer_count > 0",
                arguments: [journeyVersionID])
            let update = try db.cachedStatement(sql: "UPDATE instances SET timers = ?, due_at = ? WHERE ref = ?")
            var moved = 0
            for row in rows {
                let timers = try [InstanceTimer](decoding: try row.bytes(2), instanceID: try row.decode(atIndex: 1))
                guard let expedited = timers.expedited(to: now) else { continue }
                try update.execute(arguments: [Data(expedited.encoded), expedited.map(\.dueAt).min(), row[0] as Int64])
                moved += 1
            }
            return moved
        }
    }

    /// The waiting instances of a partition due by an instant, earliest first, read through the
    /// due index (`instances_by_due_at`): never a scan of all instances.
    package static let dueInstancesSQL = """
        SELECT profile_namespace, profile_id FROM instances INDEXED BY instances_by_due_at
        WHERE due_at IS NOT NULL AND due_at <= ? AND partition = ? ORDER BY due_at
        """

    public func nextTimerDue(partitions: Set<Int>?) async throws(StoreError) -> Int64? {
        try await read("reading the next due timer") { db in
            guard let partitions else {
                return try Int64.fetchOne(db.cachedStatement(sql: "SELECT min(due_at) FROM instances WHERE due_at IS NOT NULL"))
            }
            let statement = try db.cachedStatement(
                sql: """
                    SELECT due_at FROM instances INDEXED BY instances_by_due_at
                    WHERE due_at IS NOT NULL AND partition IN (SELECT value FROM json_each(?)) ORDER BY due_at LIMIT 1
                    """)
            return try Int64.fetchOne(statement, arguments: [Self.jsonList(partitions)])
        }
    }

    /// Walks the due instances in due order and stops at `limit` distinct people.
    public func dueProfiles(partition: Int, now: Int64, limit: Int) async throws(StoreError) -> [ProfileKey] {
        guard limit > 0 else { return [] }
        return try await read("reading the people due at \(now) in partition \(partition)") { db in
            var query = try FastStatement(db, sql: Self.dueInstancesSQL)
            query.bind(now)
            query.bind(partition)
            defer { query.finish() }
            var seen: Set<ProfileKey> = []
            var people: [ProfileKey] = []
            while people.count < limit, try query.nextRow() {
                let person = ProfileKey(namespace: try query.text(0), id: try query.text(1))
                if seen.insert(person).inserted { people.append(person) }
            }
            return people
        }
    }

    public func timerCount() async throws(StoreError) -> Int {
        try await read("counting timers") { db in
            try Int.fetchOne(db, sql: "SELECT coalesce(sum(timer_count), 0) FROM instances WHERE due_at IS NOT NULL") ?? 0
        }
    }

    /// A JSON array of integers, for `json_each`.
    static func jsonList(_ values: Set<Int>) -> String {
        "[" + values.sorted().map(String.init).joined(separator: ",") + "]"
    }
}
