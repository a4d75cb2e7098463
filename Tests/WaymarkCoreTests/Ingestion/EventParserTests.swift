import Testing
import WaymarkCore

@Suite("EventParser")
struct EventParserTests {
    @Test("reads a bare ExperienceEvent with its standard fields")
    func experienceEvent() throws {
        let event = try IngestionFixtures.parse("""
            {"_id": "e1", "timestamp": "2024-05-01T12:00:00+02:00", "eventType": "commerce.cart",
             "identityMap": {"Email": [{"id": "a@b.c", "primary": true}], "ECID": [{"id": "123"}, {"id": "456"}]},
             "_experience": {"campaign": {"orchestration": {"eventID": "cart-id"}}}, "email": "a@b.c"}
            """)
        #expect(event.id == "e1")
        #expect(!event.idWasGenerated)
        #expect(event.timestamp == IngestionFixtures.receivedAt)
        #expect(!event.timestampWasDefaulted)
        #expect(event.eventType == "commerce.cart")
        #expect(event.orchestrationEventID == "cart-id")
        #expect(event.form == .experienceEvent)
        #expect(event.identities == [
            ProfileKey(namespace: "Email", id: "a@b.c"), ProfileKey(namespace: "ECID", id: "123"),
            ProfileKey(namespace: "ECID", id: "456"),
        ])
        #expect(event.primaryIdentity == ProfileKey(namespace: "Email", id: "a@b.c"))
        guard case .object(let fields) = event.payload else { Issue.record("payload is not an object"); return }
        #expect(fields["email"] == .string("a@b.c"))
    }

    @Test("reads the streaming envelope: the event is body.xdmEntity")
    func envelope() throws {
        let event = try IngestionFixtures.parse("""
            {"header": {"schemaRef": {"id": "https://ns.example.com/schema", "contentType": "application/json"}},
             "body": {"xdmMeta": {"schemaRef": {"id": "x"}}, "xdmEntity": {"_id": "e2", "email": "a@b.c"}}}
            """)
        #expect(event.form == .envelope)
        #expect(event.id == "e2")
        #expect(event.schemaRef == "https://ns.example.com/schema")
        #expect(event.pathPrefix == "body.xdmEntity.")
        guard case .object(let fields) = event.payload else { Issue.record("payload is not an object"); return }
        #expect(fields["email"] == .string("a@b.c"))
        #expect(fields["header"] == nil)
    }

    @Test("a body without a header that does not hold xdmEntity is an ordinary field")
    func bodyField() throws {
        let event = try IngestionFixtures.parse(#"{"_id": "e3", "body": {"text": "hello"}}"#)
        #expect(event.form == .experienceEvent)
    }

    @Test("a missing _id is generated and said so; a missing timestamp is the receive time")
    func defaults() throws {
        let event = try IngestionFixtures.parse(#"{"email": "a@b.c"}"#)
        #expect(event.id == "generated-id")
        #expect(event.idWasGenerated)
        #expect(event.timestamp == IngestionFixtures.receivedAt)
        #expect(event.timestampWasDefaulted)
        guard case .object(let fields) = event.payload else { Issue.record("payload is not an object"); return }
        #expect(fields["_id"] == .string("generated-id"))
        #expect(fields["timestamp"] == .string("2024-05-01T10:00:00Z"))
    }

    @Test("an event over the size limit is refused before parsing")
    func tooLarge() {
        let json = #"{"_id": "e1", "text": "\#(String(repeating: "x", count: 200))"}"#
        #expect(throws: IngestionError(.tooLarge, "the event has \(json.utf8.count) bytes, more than the limit of 100 bytes")) {
            try IngestionFixtures.parse(json, limit: 100)
        }
        #expect(throws: Never.self) { try IngestionFixtures.parse(json, limit: json.utf8.count) }
    }

    @Test("malformed JSON is refused with its line and column")
    func malformed() throws {
        let error = try #require(throws: IngestionError.self) {
            try IngestionFixtures.parse("{\"_id\": \"e1\",\n  \"email\" \"a@b.c\"}")
        }
        #expect(error.code == .malformedJSON)
        #expect(error.line == 2)
        #expect(error.column == 11)
        #expect(error.message == "invalid JSON: expected ':' after an object key")
        #expect(error.description == "ERR_EVENT_MALFORMED_JSON at line 2, column 11: invalid JSON: expected ':' after an object key")
    }

    @Test(
        "wrong shapes are refused with the field path",
        arguments: [
            ("[1, 2]", nil, "an event must be a JSON object (an ExperienceEvent or a streaming envelope), found a list"),
            (#"{"_id": 12}"#, "_id", "expected a string, found 12"),
            (#"{"_id": ""}"#, "_id", "must not be empty"),
            (#"{"timestamp": "yesterday"}"#, "timestamp",
             "expected an ISO-8601 date-time with an offset (e.g. 2024-05-01T10:00:00Z), found \"yesterday\""),
            (#"{"timestamp": "2024-05-01T10:00:00"}"#, "timestamp",
             "expected an ISO-8601 date-time with an offset (e.g. 2024-05-01T10:00:00Z), found \"2024-05-01T10:00:00\""),
            (#"{"eventType": true}"#, "eventType", "expected a string, found true"),
            (#"{"_experience": {"campaign": {"orchestration": {"eventID": 5}}}}"#,
             "_experience.campaign.orchestration.eventID", "expected a string, found 5"),
            (#"{"identityMap": []}"#, "identityMap", "expected an object of namespaces, found a list"),
            (#"{"identityMap": {"Email": "a@b.c"}}"#, "identityMap.Email", "expected a list of identities, found \"a@b.c\""),
            (#"{"identityMap": {"Email": ["a@b.c"]}}"#, "identityMap.Email[0]", "expected an object with an id, found \"a@b.c\""),
            (#"{"identityMap": {"Email": [{"id": "x"}, {"primary": true}]}}"#, "identityMap.Email[1].id",
             "expected a non-empty string, found nothing"),
            (#"{"identityMap": {"Email": [{"id": "x", "primary": "yes"}]}}"#, "identityMap.Email[0].primary",
             "expected true or false, found \"yes\""),
            (#"{"header": {}, "body": []}"#, "body", "an envelope's body must be an object holding xdmEntity, found a list"),
            (#"{"header": {}, "body": {"xdmMeta": {}}}"#, "body.xdmEntity", "an envelope must carry the event in body.xdmEntity"),
            (#"{"body": {"xdmEntity": 3}}"#, "body.xdmEntity", "expected the event object, found 3"),
            (#"{"body": {"xdmEntity": {"_id": false}}}"#, "body.xdmEntity._id", "expected a string, found false"),
        ] as [(String, String?, String)])
    func shapes(json: String, path: String?, message: String) throws {
        let error = try #require(throws: IngestionError.self) { try IngestionFixtures.parse(json) }
        #expect(error == IngestionError(.invalidShape, message, fieldPath: path))
    }

    @Test("repeated identities are listed once; the first primary wins")
    func repeatedIdentities() throws {
        let event = try IngestionFixtures.parse("""
            {"identityMap": {"Email": [{"id": "a", "primary": true}, {"id": "a"}, {"id": "b", "primary": true}]}}
            """)
        #expect(event.identities.map(\.id) == ["a", "b"])
        #expect(event.primaryIdentity?.id == "a")
    }
}
