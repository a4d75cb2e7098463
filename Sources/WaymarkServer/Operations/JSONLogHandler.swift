import Foundation
import Logging
import WaymarkCore

/// Structured logs: one JSON object per line on standard error — `time` (ISO 8601, UTC),
/// `level`, `logger` (the label), `message`, then the metadata's keys — for log shippers.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String

    /// Creates a handler for the logger `label`, writing `level` and above.
    public init(label: String, level: Logger.Level = .info) {
        self.label = label
        logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata.merging(event.metadata ?? [:]) { $1 }
        if let error = event.error { merged["error"] = .string("\(error)") }
        FileHandle.standardError.write(Data(Self.line(level: event.level, label: label, message: "\(event.message)", metadata: merged, at: Date()).utf8))
    }

    /// ISO 8601 in UTC with milliseconds, e.g. `2026-11-23T12:30:05.123Z`.
    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// One log line, newline included.
    static func line(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, at date: Date) -> String {
        var fields = OrderedFields<JSONValue>()
        fields["time"] = .string(date.formatted(Self.timeFormat))
        fields["level"] = .string(level.rawValue)
        fields["logger"] = .string(label)
        fields["message"] = .string(message)
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) where fields[key] == nil { fields[key] = json(value) }
        return String(decoding: JSONValue.object(fields).serializedBytes(), as: UTF8.self) + "\n"
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let values): .array(values.map(json))
        case .dictionary(let dictionary):
            .object(OrderedFields(dictionary.sorted { $0.key < $1.key }.map { ($0.key, json($0.value)) }))
        }
    }
}
