extension EventConfig {
    /// The typed fields every XDM ExperienceEvent carries, readable in every event even when its
    /// schema does not list them: `_id`, `timestamp` (an ISO-8601 date-time) and `eventType`.
    public static let standardFields: [SchemaField] = [
        SchemaField(name: "_id", type: .string),
        SchemaField(name: "timestamp", type: .dateTime),
        SchemaField(name: "eventType", type: .string),
    ]

    /// The identity map of an ExperienceEvent: namespace → list of `{id, primary}`. It has no
    /// fixed fields, so expressions read it through `.entry('<namespace>')`.
    public static let identityMapField = "identityMap"
}
