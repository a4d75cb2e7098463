import Testing
import WaymarkCore
import WaymarkEngine
import WaymarkStore

@Suite("Ingestion")
struct IngestionTests {
    typealias Support = IngestionTestSupport

    /// The stores every test runs against.
    static let stores: [IngestionStoreKind] = IngestionStoreKind.allCases

    @Test("an accepted event is in the inbox, on its profile's partition, with _id and timestamp filled in", arguments: stores)
    func accepted(kind: IngestionStoreKind) async throws {
        try await kind.withStore { store in
            let result = await Support.ingestion(store).ingest(Support.signupEvent(id: nil))
            #expect(result.status == .accepted)
            #expect(result.idWasGenerated)
            let profile = ProfileKey(namespace: "Email", id: "a@b.c")
            let inbox = try await Support.inbox(store)
            try #require(inbox.count == 1)
            #expect(result.entries == [IngestionResult.Entry(
                sequence: inbox[0].sequence, eventName: "signup", profile: profile, partition: profile.partition(of: Support.partitions))])
            #expect(inbox[0].eventID == result.eventID)
            #expect(inbox[0].kind == .event)
            #expect(inbox[0].eventName == "signup")
            #expect(inbox[0].profile == profile)
            #expect(inbox[0].partition == profile.partition(of: Support.partitions))
            #expect(inbox[0].receivedAt == Support.now)
            guard case .object(let payload) = try JSONValue(parsing: inbox[0].payload) else { Issue.record("payload"); return }
            #expect(payload["_id"] == .string(try #require(result.eventID)))
            #expect(payload["timestamp"] == .string("2024-05-01T10:00:00Z"))
            #expect(payload["email"] == .string("a@b.c"))
        }
    }

    @Test("the inbox keeps a complete bare event as sent, and an envelope's event without the envelope")
    func storedPayload() async throws {
        let store: any WaymarkStore = MemoryStore()
        let bare = Array(#"""
            {"_id":"b1",  "timestamp":"2024-05-01T09:00:00Z","_experience":{"campaign":{"orchestration":{"eventID":"signup-id"}}},"email":"a@b.c"}
            """#.utf8)
        let envelope = Array(#"""
            {"header": {"schemaRef": {"id": "s"}}, "body": {"xdmMeta": {}, "xdmEntity":
             {"_id": "b2", "timestamp": "2024-05-01T09:00:00Z", "_experience": {"campaign": {"orchestration": {"eventID": "signup-id"}}}, "email": "a@b.c"}}}
            """#.utf8)
        let results = await Support.ingestion(store).ingest([bare, envelope])
        #expect(results.map(\.status) == [.accepted, .accepted])
        let inbox = try await Support.inbox(store)
        #expect(inbox.map(\.payload).first == bare)
        #expect(String(decoding: inbox[1].payload, as: UTF8.self) == #"""
            {"_id":"b2","timestamp":"2024-05-01T09:00:00Z","_experience":{"campaign":{"orchestration":{"eventID":"signup-id"}}},"email":"a@b.c"}
            """#)
    }

    @Test("a repeated _id is accepted once, across calls and within a batch", arguments: stores)
    func idempotent(kind: IngestionStoreKind) async throws {
        try await kind.withStore { store in
            let ingestion = Support.ingestion(store)
            let first = await ingestion.ingest(Support.signupEvent(id: "e1"))
            let again = await ingestion.ingest([Support.signupEvent(id: "e1"), Support.signupEvent(id: "e2"), Support.signupEvent(id: "e2")])
            #expect(first.status == .accepted)
            #expect(again.map(\.status) == [.duplicate, .accepted, .duplicate])
            #expect(again[0].entries.map(\.sequence) == [nil])
            #expect(again[0].entries.map(\.eventName) == ["signup"])
            let ids = try await Support.inbox(store).map(\.eventID)
            #expect(ids == ["e1", "e2"])
        }
    }

    @Test("one bad event in a batch is rejected alone, naming the field; the rest is accepted", arguments: stores)
    func batchWithBadEvent(kind: IngestionStoreKind) async throws {
        try await kind.withStore { store in
            let results = await Support.ingestion(store).ingest([
                Support.signupEvent(id: "ok1"),
                Support.signupEvent(id: "bad", extra: #", "items": [{"price": 1}, {"price": "abc"}]"#),
                Array(#"{"_id": "broken", "email": }"#.utf8),
                Support.signupEvent(id: "ok2", email: "z@b.c"),
            ])
            #expect(results.map(\.status) == [.accepted, .rejected, .rejected, .accepted])
            #expect(results.map(\.index) == [0, 1, 2, 3])
            #expect(results[1].errors == [IngestionError(.fieldType, "expected a decimal, found \"abc\"", fieldPath: "items[1].price")])
            #expect(results[1].eventID == "bad")
            #expect(results[2].errors.map(\.code) == [.malformedJSON])
            #expect(results[2].errors.first?.column == 28)
            #expect(results[2].eventID == nil)
            let ids = try await Support.inbox(store).map(\.eventID)
            #expect(ids == ["ok1", "ok2"])
        }
    }

    @Test("events no config matches, and events whose key cannot be computed, are kept as discard records", arguments: stores)
    func discards(kind: IngestionStoreKind) async throws {
        try await kind.withStore { store in
            let results = await Support.ingestion(store).ingest([
                Array(#"{"_id": "d1", "city": "Lyon"}"#.utf8),
                Array(#"{"_id": "d2", "city": "Paris"}"#.utf8),
            ])
            #expect(results.map(\.status) == [.discarded, .discarded])
            #expect(results[1].discards.map(\.reason) == [.keyNotComputed])
            let records = try await store.discards(offset: 0, limit: 10)
            #expect(records.map(\.eventID) == ["d1", "d2"])
            #expect(records.map(\.reason) == [.noInterestedJourney, .keyNotComputed])
            #expect(records.map(\.eventName) == [nil, "visit"])
            #expect(records.allSatisfy { $0.timestamp == Support.now })
            #expect(try await Support.inbox(store).isEmpty)
        }
    }

    @Test("an event matching several configs gets one entry per config, keyed _id#eventName", arguments: stores)
    func severalConfigs(kind: IngestionStoreKind) async throws {
        try await kind.withStore { store in
            let json = #"""
                {"_id": "m1", "_experience": {"campaign": {"orchestration": {"eventID": "signup-id"}}}, "email": "a@b.c",
                 "city": "Paris", "identityMap": {"ECID": [{"id": "42"}]}}
                """#
            let result = await Support.ingestion(store).ingest(Array(json.utf8))
            #expect(result.status == .accepted)
            #expect(result.entries.map(\.eventName) == ["signup", "visit"])
            let inbox = try await Support.inbox(store)
            #expect(inbox.map(\.eventID) == ["m1#signup", "m1#visit"])
            #expect(inbox.map(\.profile) == [ProfileKey(namespace: "Email", id: "a@b.c"), ProfileKey(namespace: "ECID", id: "42")])
            let again = await Support.ingestion(store).ingest(Array(json.utf8))
            #expect(again.status == .duplicate)
        }
    }

    @Test("the identities of an accepted event find the person; a test profile stays a test profile", arguments: stores)
    func identities(kind: IngestionStoreKind) async throws {
        try await kind.withStore { store in
            let person = ProfileKey(namespace: "Email", id: "a@b.c")
            try await store.upsertProfiles([ProfileRecord(key: person, isTestProfile: true, timeZone: "Europe/Paris", updatedAt: 1)])
            let ingestion = Support.ingestion(store)
            let extra = #", "identityMap": {"ECID": [{"id": "111"}], "Phone": [{"id": "+33600000000"}]}"#
            #expect(await ingestion.ingest(Support.signupEvent(id: "i1", extra: extra)).status == .accepted)
            #expect(await ingestion.ingest(Support.signupEvent(id: "i2", extra: extra)).status == .accepted)
            let found = try await store.profiles([ProfileKey(namespace: "ECID", id: "111"), ProfileKey(namespace: "Phone", id: "+33600000000")])
            #expect(found.count == 2)
            for profile in found.values {
                #expect(profile.key == person)
                #expect(profile.isTestProfile)
                #expect(profile.timeZone == "Europe/Paris")
                #expect(Set(profile.identities) == [ProfileKey(namespace: "ECID", id: "111"), ProfileKey(namespace: "Phone", id: "+33600000000")])
            }
        }
    }

    @Test("a rejected event records no identity")
    func rejectedRecordsNoIdentity() async throws {
        let store: any WaymarkStore = MemoryStore()
        let extra = #", "plan": 3, "identityMap": {"ECID": [{"id": "111"}]}"#
        #expect(await Support.ingestion(store).ingest(Support.signupEvent(id: "r1", extra: extra)).status == .rejected)
        #expect(try await store.profiles([ProfileKey(namespace: "ECID", id: "111")]).isEmpty)
    }

    @Test("a new configuration is picked up by the next call")
    func configurationChange() async throws {
        let store: any WaymarkStore = MemoryStore()
        let current = ConfigurationBox(Configuration(events: [IngestionTestSupport.visit]))
        let ingestion = Ingestion(
            store: store, partitionCount: Support.partitions, configuration: { current.value }, now: { Support.now })
        #expect(await ingestion.ingest(Support.signupEvent(id: "c1")).status == .discarded)
        current.value = Support.configuration
        #expect(await ingestion.ingest(Support.signupEvent(id: "c2")).status == .accepted)
    }

    @Test("the size limit applies per event")
    func sizeLimit() async throws {
        let ingestion = Ingestion(
            store: MemoryStore(), partitionCount: 1, maximumEventBytes: 200, configuration: Support.configuration, now: { Support.now })
        let big = Support.signupEvent(id: "big", extra: #", "plan": "\#(String(repeating: "p", count: 300))""#)
        let results = await ingestion.ingest([big, Support.signupEvent(id: "small")])
        #expect(results.map(\.status) == [.rejected, .accepted])
        #expect(results[0].errors.map(\.code) == [.tooLarge])
    }
}
