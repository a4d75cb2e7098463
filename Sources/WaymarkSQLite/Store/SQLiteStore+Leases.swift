import GRDB
import WaymarkStore

extension SQLiteStore {
    public func acquireLease(partition: Int, owner: String, now: Int64, expiresAt: Int64) async throws(StoreError) -> Int64? {
        try await write("acquiring the lease of partition \(partition)") { db in
            let current = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT owner, generation, expires_at FROM leases WHERE partition = ?"), arguments: [partition])
            var generation: Int64 = 1
            if let current {
                let holder: String = try current.decode(atIndex: 0)
                let held: Int64 = try current.decode(atIndex: 1)
                let expiry: Int64 = try current.decode(atIndex: 2)
                if holder == owner {
                    generation = held
                } else if expiry > now {
                    return nil
                } else {
                    generation = held + 1
                }
            }
            try db.cachedStatement(
                sql: """
                    INSERT INTO leases (partition, owner, generation, expires_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (partition) DO UPDATE SET owner = excluded.owner, generation = excluded.generation,
                        expires_at = excluded.expires_at
                    """
            ).execute(arguments: [partition, owner, generation, expiresAt])
            return generation
        }
    }

    public func counter(_ name: String) async throws(StoreError) -> Int64 {
        try await read("reading counter \(name)") { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM counters WHERE name = ?"), arguments: [name]) ?? 0
        }
    }

    public func counters(from lower: String, to upper: String) async throws(StoreError) -> [String: Int64] {
        try await read("reading counters") { db in
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT name, value FROM counters WHERE name >= ? AND name < ?"), arguments: [lower, upper])
            var counters: [String: Int64] = [:]
            while let row = try rows.next() { counters[row[0]] = row[1] }
            return counters
        }
    }
}
