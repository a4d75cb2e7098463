import Foundation
import Testing
import WaymarkSQLite
import WaymarkStore

/// A backend the conformance suite runs on: every case must pass every conformance test.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible {
    case memory
    /// A real SQLite file in a temporary directory.
    case sqlite

    var testDescription: String { rawValue }

    /// Runs `body` with a new, empty store of this backend, then removes what it left on disk.
    func withStore(_ body: (any WaymarkStore) async throws -> Void) async throws {
        switch self {
        case .memory:
            try await body(MemoryStore())
        case .sqlite:
            try await TemporaryDirectory.with { directory in
                try await body(try SQLiteStore(directory: directory.path))
            }
        }
    }
}
