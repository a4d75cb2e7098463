import Testing
import WaymarkCore

@Suite("EventCatalog")
struct EventCatalogTests {
    static let catalog = EventCatalog(configuration: IngestionFixtures.configuration)
    static let now = ZonedDateTime(epochMilliseconds: IngestionFixtures.receivedAt)

    static func classify(_ json: String, in catalog: EventCatalog = catalog) throws -> EventClassification {
        catalog.classify(try IngestionFixtures.parse(json), now: now)
    }

    static func cart(_ fields: String) -> String {
        #"{"_id": "e1", "_experience": {"campaign": {"orchestration": {"eventID": "cart-id"}}}, \#(fields)}"#
    }

    @Test("a system-generated event matches by eventID; its key is the primary identity field")
    func systemGenerated() throws {
        let result = try Self.classify(Self.cart(#""email": "a@b.c", "cartTotal": 12"#))
        #expect(result.outcome == .routed)
        #expect(result.routes == [
            EventRoute(eventName: "cart_abandoned", eventConfigID: "evt-cart", profile: ProfileKey(namespace: "Email", id: "a@b.c"))
        ])
        #expect(result.discards.isEmpty)
        #expect(Self.catalog.compileProblems.isEmpty)
    }

    @Test("a rule-based event matches when its condition is true; the default key is identityMap's first id")
    func ruleBased() throws {
        let result = try Self.classify(#"{"city": "Paris", "identityMap": {"ECID": [{"id": "111"}, {"id": "222"}]}}"#)
        #expect(result.routes.map(\.profile) == [ProfileKey(namespace: "ECID", id: "111")])
        #expect(result.routes.map(\.eventName) == ["visit"])
    }

    @Test("a rule-based condition reads the payload typed by the schema")
    func typedCondition() throws {
        let late = EventConfig(
            id: "evt-late", name: "late", eventIDType: .ruleBased(condition: "@event{late.at} > toDateTime(\"2024-01-01T00:00:00Z\")"),
            schema: FieldSchema([SchemaField(name: "at", type: .dateTime), SchemaField(name: "who", type: .string, primaryIdentity: true)]),
            namespace: "CRM")
        let catalog = EventCatalog(configuration: Configuration(events: [late]))
        #expect(catalog.compileProblems.isEmpty, "\(catalog.compileProblems)")
        #expect(try Self.classify(#"{"at": "2024-05-01T00:00:00Z", "who": "x"}"#, in: catalog).outcome == .routed)
        #expect(try Self.classify(#"{"at": "2023-05-01T00:00:00Z", "who": "x"}"#, in: catalog).outcome == .discarded)
    }

    @Test("a false condition or an unknown eventID matches nothing: discarded, no interested journey")
    func noMatch() throws {
        let rule = try Self.classify(#"{"city": "Lyon", "identityMap": {"ECID": [{"id": "111"}]}}"#)
        #expect(rule.outcome == .discarded)
        #expect(rule.discards == [EventDiscard(reason: .noInterestedJourney, message: "no event config matches this event")])
        let unknown = try Self.classify(#"{"_experience": {"campaign": {"orchestration": {"eventID": "nope"}}}}"#)
        #expect(unknown.discards == [EventDiscard(
            reason: .noInterestedJourney,
            message: "no event config matches this event (no system-generated config has eventID \"nope\")")])
    }

    @Test("a matched event that does not fit the schema is rejected with the field paths")
    func rejected() throws {
        let result = try Self.classify(Self.cart(#""email": "a@b.c", "cartTotal": 1, "items": [{"sku": "a"}, {"sku": "b", "price": "abc"}]"#))
        #expect(result.outcome == .rejected)
        #expect(result.problems == [
            IngestionError(.fieldType, "expected a decimal, found \"abc\"", fieldPath: "items[1].price")
        ])
        let rule = try Self.classify(#"{"city": "Paris", "at": "soon", "identityMap": {"ECID": [{"id": "1"}]}}"#)
        #expect(rule.outcome == .rejected)
        #expect(rule.problems.map(\.fieldPath) == ["at"])
        let missing = try Self.classify(Self.cart(#""email": "a@b.c""#))
        #expect(missing.problems == [
            IngestionError(.missingField, "a required field (a decimal) is missing", fieldPath: "cartTotal")
        ])
    }

    @Test("a rule-based config whose condition is false does not check the event against its schema")
    func unmatchedSchemaIgnored() throws {
        #expect(try Self.classify(#"{"city": 3}"#).outcome == .discarded)
    }

    @Test("a key that gives no value is discarded as keyNotComputed, with the expression in the message")
    func keyNull() throws {
        let result = try Self.classify(#"{"city": "Paris"}"#)
        #expect(result.outcome == .discarded)
        #expect(result.discards == [EventDiscard(
            reason: .keyNotComputed, eventName: "visit",
            message: "the key expression @event{visit.identityMap.entry('ECID').first().id} gave no value (null)")])
    }

    @Test("a custom key expression computes the id")
    func customKey() throws {
        let result = try Self.classify(#"{"crmId": 42, "_experience": {"campaign": {"orchestration": {"eventID": "crm-id"}}}}"#)
        #expect(result.routes.map(\.profile) == [ProfileKey(namespace: "CRM", id: "42")])
    }

    @Test("an event can match several configs; each gets its route, in configuration order")
    func severalMatches() throws {
        let json = """
            {"city": "Paris", "identityMap": {"ECID": [{"id": "9"}]}, "email": "a@b.c", "cartTotal": 1,
             "_experience": {"campaign": {"orchestration": {"eventID": "cart-id"}}}}
            """
        let result = try Self.classify(json)
        #expect(result.routes.map(\.eventName) == ["cart_abandoned", "visit"])
        #expect(result.routes.map(\.profile.namespace) == ["Email", "ECID"])
        let reversed = EventCatalog(configuration: Configuration(events: [IngestionFixtures.visit, IngestionFixtures.cartAbandoned]))
        #expect(reversed.classify(try IngestionFixtures.parse(json), now: Self.now).routes.map(\.eventName) == ["visit", "cart_abandoned"])
    }

    @Test("expressions that do not compile are listed; such a config's events are discarded or never matched")
    func compileProblems() throws {
        let badKey = EventConfig(
            id: "k", name: "bad_key", eventIDType: .systemGenerated(eventID: "k"), namespace: "CRM", key: "@event{bad_key.nope} +")
        let badRule = EventConfig(
            id: "r", name: "bad_rule", eventIDType: .ruleBased(condition: "1 + 1"), namespace: "CRM", key: "\"x\"")
        let catalog = EventCatalog(configuration: Configuration(events: [badKey, badRule]))
        #expect(Set(catalog.compileProblems.keys) == ["bad_key", "bad_rule"])
        let result = try Self.classify(#"{"_experience": {"campaign": {"orchestration": {"eventID": "k"}}}}"#, in: catalog)
        #expect(result.outcome == .discarded)
        #expect(result.discards.map(\.reason) == [.keyNotComputed])
        #expect(result.discards.first?.message.hasPrefix("the key expression of bad_key does not compile: ERR_EXPR") == true)
    }

    @Test("a key of the wrong kind or an empty key is discarded")
    func keyKinds() throws {
        let list = EventConfig(
            id: "l", name: "listy", eventIDType: .systemGenerated(eventID: "l"),
            schema: FieldSchema([SchemaField(name: "who", type: .string)]), namespace: "CRM", key: "@event{listy.who}")
        let catalog = EventCatalog(configuration: Configuration(events: [list]))
        let empty = try Self.classify(#"{"who": "", "_experience": {"campaign": {"orchestration": {"eventID": "l"}}}}"#, in: catalog)
        #expect(empty.discards.map(\.message) == [#"the key expression @event{listy.who} gave a string, not a non-empty string"#])
    }

    @Test("the catalog lists its configs; duplicates by name keep the first")
    func configs() {
        #expect(Self.catalog.eventConfigs.map(\.name) == ["cart_abandoned", "visit", "crm_update"])
        let twice = EventCatalog(configuration: Configuration(events: [IngestionFixtures.visit, IngestionFixtures.visit]))
        #expect(twice.eventConfigs.count == 1)
    }
}
