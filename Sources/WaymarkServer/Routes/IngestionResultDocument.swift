import WaymarkCore
import WaymarkEngine

/// The JSON of ingestion results: counts by status and one result per event.
enum IngestionResultDocument {
    /// `{"accepted":…,"duplicates":…,"discarded":…,"rejected":…,"results":[…]}`.
    static func batch(_ results: [IngestionResult]) -> JSONValue {
        var document = OrderedFields<JSONValue>()
        for (key, status) in [
            ("accepted", IngestionResult.Status.accepted), ("duplicates", .duplicate), ("discarded", .discarded), ("rejected", .rejected),
        ] {
            document[key] = .int(Int64(results.count { $0.status == status }))
        }
        document["results"] = .array(results.map(result))
        return .object(document)
    }

    /// One event's result.
    static func result(_ result: IngestionResult) -> JSONValue {
        var fields = OrderedFields<JSONValue>()
        fields["index"] = .int(Int64(result.index))
        fields["id"] = result.eventID.map(JSONValue.string) ?? .null
        if result.idWasGenerated { fields["idGenerated"] = .bool(true) }
        fields["status"] = .string(result.status.rawValue)
        if !result.entries.isEmpty {
            fields["entries"] = .array(result.entries.map { entry in
                .fields(["event": .string(entry.eventName), "profile": profile(entry.profile)])
            })
        }
        if !result.errors.isEmpty { fields["errors"] = .array(result.errors.map(error)) }
        if !result.discards.isEmpty {
            fields["discards"] = .array(result.discards.map { discard in
                var item = OrderedFields<JSONValue>()
                item["reason"] = .string(discard.reason.rawValue)
                if let eventName = discard.eventName { item["event"] = .string(eventName) }
                item["message"] = .string(discard.message)
                return .object(item)
            })
        }
        return .object(fields)
    }

    static func profile(_ key: ProfileKey) -> JSONValue {
        .fields(["namespace": .string(key.namespace), "id": .string(key.id)])
    }

    static func error(_ error: IngestionError) -> JSONValue {
        var item = OrderedFields<JSONValue>()
        item["code"] = .string(error.code.rawValue)
        item["message"] = .string(error.message)
        if let fieldPath = error.fieldPath { item["field"] = .string(fieldPath) }
        if let line = error.line { item["line"] = .int(Int64(line)) }
        if let column = error.column { item["column"] = .int(Int64(column)) }
        return .object(item)
    }
}
