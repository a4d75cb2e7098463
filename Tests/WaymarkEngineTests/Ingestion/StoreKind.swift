import Testing
import WaymarkStore

/// The store implementations the ingestion tests run against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory

    var testDescription: String { rawValue }

    func make() throws -> any WaymarkStore {
        switch self {
        case .memory: MemoryStore()
        }
    }
}
