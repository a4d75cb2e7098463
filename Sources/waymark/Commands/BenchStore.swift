import Foundation
import WaymarkSQLite
import WaymarkStore

/// Opens the benchmark's SQLite store (durable settings: WAL, synchronous=FULL).
enum BenchStore {
    static func openSQLite(at directory: URL) throws -> any WaymarkStore {
        throw BenchFailure("the SQLite store is not available in this build yet; use --store memory")
    }

    static func checkpoint(_ store: any WaymarkStore) throws {}
}
