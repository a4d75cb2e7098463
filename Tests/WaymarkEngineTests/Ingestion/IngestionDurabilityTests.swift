import Foundation
import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkSQLite
import WaymarkStore

@Suite("Ingestion durability on SQLite")
struct IngestionDurabilityTests {
    typealias Support = IngestionTestSupport

    @Test("accepted events, discards and identities are still there after reopening the file; a resend is a duplicate")
    func reopen() async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let extra = #", "identityMap": {"ECID": [{"id": "111"}]}"#
        let first: [IngestionResult]
        do {
            let store = try SQLiteStore(directory: directory.path)
            first = await Support.ingestion(store).ingest([
                Support.signupEvent(id: "d1", extra: extra), Support.signupEvent(id: "d2", email: "z@b.c"),
                Array(#"{"_id": "d3", "city": "Lyon"}"#.utf8),
            ])
        }
        #expect(first.map(\.status) == [.accepted, .accepted, .discarded])
        let store = try SQLiteStore(directory: directory.path)
        let inbox = try await Support.inbox(store)
        #expect(inbox.map(\.eventID) == ["d1", "d2"])
        #expect(inbox.map(\.sequence) == first.prefix(2).map { $0.entries.first?.sequence })
        #expect(try await store.discards(offset: 0, limit: 10).map(\.eventID) == ["d3"])
        #expect(try await store.profiles([ProfileKey(namespace: "ECID", id: "111")]).values.map(\.key.id) == ["a@b.c"])
        let again = await Support.ingestion(store).ingest(Support.signupEvent(id: "d1", extra: extra))
        #expect(again.status == .duplicate)
        #expect(try await store.inboxDepth() == 2)
    }
}
