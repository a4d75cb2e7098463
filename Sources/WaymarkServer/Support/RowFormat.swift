import WaymarkCore

/// How query rows are written as text: NDJSON (one object per row, keyed by column) or CSV
/// (RFC 4180, a header line first; null is an empty field, other non-text values their JSON).
public enum RowFormat: String, Sendable, CaseIterable {
    case ndjson, csv

    /// The media type of the format.
    public var contentType: String { self == .csv ? "text/csv; charset=utf-8" : "application/x-ndjson" }

    /// The text before the rows: the CSV header line, nothing for NDJSON.
    public func header(_ columns: [String]) -> String {
        self == .csv ? columns.map(Self.csvField).joined(separator: ",") + "\n" : ""
    }

    /// One row's line, newline included.
    public func line(_ values: [JSONValue], columns: [String]) -> String {
        switch self {
        case .ndjson:
            var object = OrderedFields<JSONValue>()
            for (column, value) in zip(columns, values) { object[column] = value }
            return String(decoding: JSONValue.object(object).serializedBytes(), as: UTF8.self) + "\n"
        case .csv:
            return values.map { value -> String in
                switch value {
                case .null: ""
                case .string(let text): Self.csvField(text)
                default: Self.csvField(String(decoding: value.serializedBytes(), as: UTF8.self))
                }
            }.joined(separator: ",") + "\n"
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
