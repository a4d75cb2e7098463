import Foundation
import Testing
import WaymarkSQLite
import WaymarkStore

/// The store implementations the ingestion tests run against.
enum IngestionStoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    /// A real SQLite file (WAL, synchronous FULL) in a temporary directory.
    case sqlite

    var testDescription: String { rawValue }

    /// Runs `body` with a new empty store; a SQLite store's directory is removed afterwards.
    func withStore(_ body: (any WaymarkStore) async throws -> Void) async throws {
        switch self {
        case .memory:
            try await body(MemoryStore())
        case .sqlite:
            let directory = try IngestionTestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try await body(try SQLiteStore(directory: directory.path))
        }
    }
}
