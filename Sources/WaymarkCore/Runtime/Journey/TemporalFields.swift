/// The fields whose schema type is a date, a date-time or a duration: JSON carries them as
/// ISO-8601 strings, which the runtime turns into typed values when an expression reads them.
struct TemporalFields: Sendable {
    /// Types by `FieldReference.key` (kind, source, field group and path, not parameters).
    private var types: [String: ValueType] = [:]

    /// Looks up the type of every reference in the schema and keeps the temporal ones.
    init(_ references: [FieldReference], schema: ConfigurationSchema) {
        for reference in references {
            let lookup: FieldLookup
            switch reference.kind {
            case .event: lookup = schema.eventFieldType(event: reference.source, path: reference.path)
            case .dataSource:
                lookup = schema.dataSourceFieldType(
                    dataSource: reference.source, fieldGroup: reference.fieldGroup ?? "", path: reference.path)
            case .action: lookup = schema.actionFieldType(action: reference.source, path: reference.path)
            case .journey: continue
            }
            if case .field(let type) = lookup, [.dateTime, .dateTimeOnly, .dateOnly, .duration].contains(type) {
                types[reference.key] = type
            }
        }
    }

    /// The value read at a reference, typed by its schema: an ISO-8601 string of a temporal
    /// field becomes that temporal value (a string that does not parse stays a string).
    func typed(_ value: Value, for reference: FieldReference) -> Value {
        guard !types.isEmpty, case .string(let text) = value, let type = types[reference.key] else { return value }
        switch type {
        case .dateTime: return ZonedDateTime(iso8601: text).map(Value.dateTime) ?? value
        case .dateTimeOnly: return LocalDateTime(iso8601: text).map(Value.dateTimeOnly) ?? value
        case .dateOnly: return LocalDate(iso8601: text).map(Value.dateOnly) ?? value
        case .duration: return TimeSpan(iso8601: text).map(Value.duration) ?? value
        default: return value
        }
    }
}
