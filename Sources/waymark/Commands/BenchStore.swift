import Foundation
import WaymarkSQLite
import WaymarkStore

/// Opens the benchmark's SQLite store with durable settings (WAL, synchronous=FULL) and reads its size.
enum BenchStore {
    /// The store in `directory` (created when missing).
    static func openSQLite(at directory: URL) throws -> SQLiteStore {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try SQLiteStore(directory: directory.path, durability: .full)
    }

    /// The database file's size after a checkpoint, and the bytes of its pages in use.
    static func sizes(of store: SQLiteStore) async throws -> (file: Int, used: Int) {
        try await store.checkpoint()
        return try await store.sizes()
    }
}
