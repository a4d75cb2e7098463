import WaymarkCore
import WaymarkStore

/// The optional action and fetch fields of a step event, stored as one JSON object keyed by
/// their step-events.md names (a step's `d` in `step_event_groups`), absent when all are `nil`.
enum StepEventDetails {
    static let strings: [(String, any WritableKeyPath<StepEvent, String?> & Sendable)] = [
        ("actionID", \.actionID), ("actionName", \.actionName), ("actionType", \.actionType),
        ("actionExecutionError", \.actionExecutionError), ("actionExecutionErrorCode", \.actionExecutionErrorCode),
        ("actionExecutionOriginError", \.actionExecutionOriginError), ("actionExecutionOriginCode", \.actionExecutionOriginCode),
        ("actionOriginEndpoint", \.actionOriginEndpoint), ("actionOriginMethod", \.actionOriginMethod),
        ("actionBusinessType", \.actionBusinessType), ("fetchTypeInError", \.fetchTypeInError), ("fetchError", \.fetchError),
        ("fetchErrorCode", \.fetchErrorCode), ("fetchOriginError", \.fetchOriginError),
        ("fetchOriginErrorCode", \.fetchOriginErrorCode),
    ]
    static let integers: [(String, any WritableKeyPath<StepEvent, Int64?> & Sendable)] = [
        ("actionExecutionTime", \.actionExecutionTime), ("actionExecutionOriginStartTime", \.actionExecutionOriginStartTime),
        ("actionExecutionOriginTime", \.actionExecutionOriginTime), ("actionWaitTime", \.actionWaitTime),
        ("fetchTotalTime", \.fetchTotalTime), ("fetchCount", \.fetchCount), ("fetchPlatformTotalTime", \.fetchPlatformTotalTime),
        ("fetchPlatformCount", \.fetchPlatformCount), ("fetchCustomTotalTime", \.fetchCustomTotalTime),
        ("fetchCustomCount", \.fetchCustomCount),
    ]
    static let booleans: [(String, any WritableKeyPath<StepEvent, Bool?> & Sendable)] = [
        ("actionParameterized", \.actionParameterized), ("actionIsThrottled", \.actionIsThrottled),
    ]

    /// Writes the details of `event` as an object (the value of a key just written).
    static func write(_ event: StepEvent, into writer: inout JSONTextWriter) {
        writer.beginObject()
        for (name, path) in strings {
            guard let value = event[keyPath: path] else { continue }
            writer.key(name)
            writer.string(value)
        }
        for (name, path) in integers {
            guard let value = event[keyPath: path] else { continue }
            writer.key(name)
            writer.integer(value)
        }
        for (name, path) in booleans {
            guard let value = event[keyPath: path] else { continue }
            writer.key(name)
            writer.bool(value)
        }
        writer.endObject()
    }

    /// Whether any action or fetch field is set: direct reads chained, without gathering the
    /// fields into arrays (an allocation per step event in the common case, none set).
    static func hasDetails(_ event: StepEvent) -> Bool {
        event.actionID != nil || event.actionName != nil || event.actionType != nil || event.actionExecutionError != nil
            || event.actionExecutionErrorCode != nil || event.actionExecutionOriginError != nil
            || event.actionExecutionOriginCode != nil || event.actionOriginEndpoint != nil || event.actionOriginMethod != nil
            || event.actionBusinessType != nil || event.fetchTypeInError != nil || event.fetchError != nil
            || event.fetchErrorCode != nil || event.fetchOriginError != nil || event.fetchOriginErrorCode != nil
            || event.actionExecutionTime != nil || event.actionExecutionOriginStartTime != nil
            || event.actionExecutionOriginTime != nil || event.actionWaitTime != nil || event.fetchTotalTime != nil
            || event.fetchCount != nil || event.fetchPlatformTotalTime != nil || event.fetchPlatformCount != nil
            || event.fetchCustomTotalTime != nil || event.fetchCustomCount != nil || event.actionParameterized != nil
            || event.actionIsThrottled != nil
    }

    /// Sets the fields of `text` (a details object) on `event`.
    static func decode(_ text: String, into event: inout StepEvent) throws {
        guard case .object(let fields) = try? JSONValue(parsing: text) else {
            throw StoreError(.corrupt, "the details of step \(event.stepID) are not a JSON object")
        }
        for (name, path) in strings {
            guard let value = fields[name] else { continue }
            guard case .string(let string) = value else { throw mismatch(name, event) }
            event[keyPath: path] = string
        }
        for (name, path) in integers {
            guard let value = fields[name] else { continue }
            guard case .int(let integer) = value else { throw mismatch(name, event) }
            event[keyPath: path] = integer
        }
        for (name, path) in booleans {
            guard let value = fields[name] else { continue }
            guard case .bool(let bool) = value else { throw mismatch(name, event) }
            event[keyPath: path] = bool
        }
    }

    private static func mismatch(_ name: String, _ event: StepEvent) -> StoreError {
        StoreError(.corrupt, "the details of step \(event.stepID) have a \(name) of the wrong type")
    }
}
