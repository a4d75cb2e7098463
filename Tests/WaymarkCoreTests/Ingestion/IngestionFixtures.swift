import WaymarkCore

/// Event configs and payloads shared by the ingestion tests.
enum IngestionFixtures {
    static let receivedAt: Int64 = 1_714_557_600_000  // 2024-05-01T10:00:00Z

    static let cartAbandoned = EventConfig(
        id: "evt-cart", name: "cart_abandoned", eventIDType: .systemGenerated(eventID: "cart-id"),
        schema: FieldSchema([
            SchemaField(name: "email", type: .string, required: true, primaryIdentity: true),
            SchemaField(name: "cartTotal", type: .decimal, required: true),
            SchemaField(name: "items", type: .listObject, fields: [
                SchemaField(name: "sku", type: .string, required: true),
                SchemaField(name: "price", type: .decimal),
            ]),
        ]),
        namespace: "Email")

    static let visit = EventConfig(
        id: "evt-visit", name: "visit", eventIDType: .ruleBased(condition: "@event{visit.city} == \"Paris\""),
        schema: FieldSchema([
            SchemaField(name: "city", type: .string, required: true),
            SchemaField(name: "at", type: .dateTime),
        ]),
        namespace: "ECID")

    static let crm = EventConfig(
        id: "evt-crm", name: "crm_update", eventIDType: .systemGenerated(eventID: "crm-id"),
        schema: FieldSchema([SchemaField(name: "crmId", type: .integer)]),
        namespace: "CRM", key: "toString(@event{crm_update.crmId})")

    static let configuration = Configuration(events: [cartAbandoned, visit, crm])

    static func parse(_ json: String, limit: Int = EventParser.defaultMaximumEventBytes) throws(IngestionError) -> ReceivedEvent {
        try EventParser(maximumEventBytes: limit).parse(Array(json.utf8), receivedAt: receivedAt, makeID: { "generated-id" })
    }
}
