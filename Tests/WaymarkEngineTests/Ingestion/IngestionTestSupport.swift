import Foundation
import Logging
import WaymarkCore
import WaymarkEngine
import WaymarkStore

/// Configs, events and store factories for the ingestion tests.
enum IngestionTestSupport {
    static let now: Int64 = 1_714_557_600_000  // 2024-05-01T10:00:00Z
    static let partitions = 4

    static let signup = EventConfig(
        id: "evt-signup", name: "signup", eventIDType: .systemGenerated(eventID: "signup-id"),
        schema: FieldSchema([
            SchemaField(name: "email", type: .string, required: true, primaryIdentity: true),
            SchemaField(name: "plan", type: .string),
            SchemaField(name: "items", type: .listObject, fields: [SchemaField(name: "price", type: .decimal)]),
        ]),
        namespace: "Email")

    static let visit = EventConfig(
        id: "evt-visit", name: "visit", eventIDType: .ruleBased(condition: "@event{visit.city} == \"Paris\""),
        schema: FieldSchema([SchemaField(name: "city", type: .string)]), namespace: "ECID")

    static let configuration = Configuration(events: [signup, visit])

    /// A signup event as bytes.
    static func signupEvent(id: String?, email: String = "a@b.c", extra: String = "") -> [UInt8] {
        let idField = id.map { #""_id": "\#($0)", "# } ?? ""
        return Array(#"""
            {\#(idField)"_experience": {"campaign": {"orchestration": {"eventID": "signup-id"}}}, "email": "\#(email)"\#(extra)}
            """#.utf8)
    }

    static func ingestion(_ store: any WaymarkStore, configuration: Configuration = configuration) -> Ingestion {
        Ingestion(
            store: store, partitionCount: partitions, configuration: { configuration }, now: { now },
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Every inbox entry of every partition.
    static func inbox(_ store: any WaymarkStore) async throws -> [InboxEntry] {
        var entries: [InboxEntry] = []
        for partition in 0..<partitions {
            entries += try await store.inboxEntries(partition: partition, after: 0, limit: 1000)
        }
        return entries.sorted { $0.sequence < $1.sequence }
    }

    /// A new empty directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-ingestion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
