import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkStore

@Suite("Ingestion when the store fails")
struct IngestionFailureTests {
    typealias Support = IngestionTestSupport

    @Test("an inbox that cannot be written rejects the routed events as retryable; nothing is acknowledged")
    func inboxFails() async throws {
        let store: any WaymarkStore = WriteFailingStore(inbox: true)
        let results = await Support.ingestion(store).ingest([
            Support.signupEvent(id: "s1"), Array(#"{"_id": "s2", "city": "Lyon"}"#.utf8), Array("nope".utf8),
        ])
        #expect(results.map(\.status) == [.rejected, .discarded, .rejected])
        #expect(results[0].errors.map(\.code) == [.storeUnavailable])
        #expect(results[0].entries.isEmpty)
        #expect(results[2].errors.map(\.code) == [.malformedJSON])
        #expect(try await store.discards(offset: 0, limit: 10).map(\.eventID) == ["s2"])
    }

    @Test("discard records that cannot be written turn discarded events into retryable rejections")
    func discardsFail() async throws {
        let store: any WaymarkStore = WriteFailingStore(commit: true)
        let results = await Support.ingestion(store).ingest([
            Support.signupEvent(id: "s1"), Array(#"{"_id": "s2", "city": "Lyon"}"#.utf8),
        ])
        #expect(results.map(\.status) == [.accepted, .rejected])
        #expect(results[1].errors.map(\.code) == [.storeUnavailable])
    }

    @Test("identities that cannot be recorded do not take back an acceptance")
    func profilesFail() async throws {
        let store: any WaymarkStore = WriteFailingStore(profiles: true)
        let extra = #", "identityMap": {"ECID": [{"id": "111"}]}"#
        let result = await Support.ingestion(store).ingest(Support.signupEvent(id: "p1", extra: extra))
        #expect(result.status == .accepted)
        #expect(try await Support.inbox(store).map(\.eventID) == ["p1"])
    }

    @Test("identities that would join two known people are skipped; the other events' identities are recorded")
    func identityConflict() async throws {
        let store: any WaymarkStore = MemoryStore()
        try await store.upsertProfiles([
            ProfileRecord(key: ProfileKey(namespace: "Email", id: "other@b.c"), identities: [ProfileKey(namespace: "ECID", id: "111")], updatedAt: 1),
            ProfileRecord(key: ProfileKey(namespace: "Email", id: "a@b.c"), updatedAt: 1),
        ])
        let results = await Support.ingestion(store).ingest([
            Support.signupEvent(id: "c1", extra: #", "identityMap": {"ECID": [{"id": "111"}]}"#),
            Support.signupEvent(id: "c2", email: "z@b.c", extra: #", "identityMap": {"ECID": [{"id": "222"}]}"#),
        ])
        #expect(results.map(\.status) == [.accepted, .accepted])
        let found = try await store.profiles([ProfileKey(namespace: "ECID", id: "111"), ProfileKey(namespace: "ECID", id: "222")])
        #expect(found[ProfileKey(namespace: "ECID", id: "111")]?.key.id == "other@b.c")
        let person = try await store.profiles([ProfileKey(namespace: "Email", id: "a@b.c")]).values.first
        #expect(person?.identities == [])
        #expect(found[ProfileKey(namespace: "ECID", id: "222")]?.key.id == "z@b.c")
    }
}
