/// Conversions between expression values and JSON.
extension Value {
    /// The value of a JSON document: numbers keep their integer/decimal kind, strings stay
    /// strings (no date sniffing), arrays become lists and objects keep their key order.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let bool): self = .boolean(bool)
        case .int(let int): self = .integer(int)
        case .double(let double): self = .decimal(double)
        case .string(let string): self = .string(string)
        case .array(let elements): self = .list(elements.map(Value.init(json:)))
        case .object(let fields): self = .object(ObjectValue(fields.pairs.map { ($0.key, Value(json: $0.value)) }))
        }
    }

    /// The JSON the CLI and actions see: dates and durations as ISO-8601 strings
    /// (`2021-02-19`, `2021-02-19T10:00:00`, `2021-02-19T10:00:00Z`, `PT1H30M`), lists as arrays,
    /// objects as objects in key order.
    public var jsonValue: JSONValue {
        switch self {
        case .null: .null
        case .string(let string): .string(string)
        case .integer(let int): .int(int)
        case .decimal(let double): .double(double)
        case .boolean(let bool): .bool(bool)
        case .dateOnly(let date): .string(date.iso8601)
        case .dateTimeOnly(let dateTime): .string(dateTime.iso8601)
        case .dateTime(let dateTime): .string(dateTime.iso8601)
        case .duration(let span): .string(span.iso8601)
        case .list(let elements): .array(elements.map(\.jsonValue))
        case .object(let fields): .object(OrderedFields(fields.pairs.map { ($0.key, $0.value.jsonValue) }))
        }
    }
}
