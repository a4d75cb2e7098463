extension ValidationIssue {
    /// The issue as JSON: `severity`, `code`, `nodeId`, `field`, `position` (offset, line,
    /// column) and `message`, absent parts `null` — as `waymark validate --json` and the API write it.
    public var jsonValue: JSONValue {
        let position: JSONValue = self.position.map {
            .object(OrderedFields([
                ("offset", .int(Int64($0.offset))), ("line", .int(Int64($0.line))), ("column", .int(Int64($0.column))),
            ]))
        } ?? .null
        return .object(OrderedFields([
            ("severity", .string(severity.rawValue)),
            ("code", .string(code.rawValue)),
            ("nodeId", nodeId.map(JSONValue.string) ?? .null),
            ("field", field.map(JSONValue.string) ?? .null),
            ("position", position),
            ("message", .string(message)),
        ]))
    }
}
