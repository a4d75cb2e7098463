import GRDB
import WaymarkStore

extension SQLiteStore {
    /// The database file's size and the bytes of its pages in use (free pages excluded).
    package func sizes() async throws(StoreError) -> (file: Int, used: Int) {
        try await read("measuring \(path)") { db in
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            return (pageSize * pages, pageSize * (pages - free))
        }
    }
}
