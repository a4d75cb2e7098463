extension ExternalCallRequest {
    /// The bytes of the outbox row (`OutboxRecord.payload`): compact JSON with sorted maps.
    public var encoded: [UInt8] {
        var fields = OrderedFields<JSONValue>()
        fields["id"] = .string(id)
        fields["kind"] = .string(kind.rawValue)
        fields["instance"] = .string(instanceID)
        fields["journey"] = .string(journeyID)
        fields["version"] = .string(journeyVersionID)
        fields["node"] = .string(nodeID)
        fields["namespace"] = .string(profile.namespace)
        fields["profile"] = .string(profile.id)
        if let actionName { fields["action"] = .string(actionName) }
        if payload != .null { fields["payload"] = payload }
        if let dynamicPath { fields["path"] = .string(dynamicPath) }
        if !headers.isEmpty { fields["headers"] = Self.sortedObject(headers.mapValues(JSONValue.string)) }
        if !query.isEmpty { fields["query"] = Self.sortedObject(query.mapValues(JSONValue.string)) }
        if !fetches.isEmpty {
            fields["fetches"] = .array(fetches.map { fetch in
                .object(OrderedFields([
                    ("dataSource", .string(fetch.dataSource)), ("fieldGroup", .string(fetch.fieldGroup)),
                    ("parameters", Self.sortedObject(fetch.parameters)),
                ]))
            })
        }
        fields["timeout"] = .int(timeout)
        if inTest { fields["inTest"] = .bool(true) }
        return JSONValue.object(fields).serializedBytes()
    }

    /// Decodes the bytes of an outbox row.
    /// - Throws: `RuntimeError` `corruptData` naming the bad field.
    public init(decoding bytes: [UInt8]) throws(RuntimeError) {
        let what = "An external call request"
        let object = try JSONObjectReader(bytes: bytes, what: what)
        let kindName = try object.requiredString("kind")
        guard let kind = ExternalCallKind(rawValue: kindName) else {
            throw RuntimeError(.corruptData, "\(what) has an unknown kind '\(kindName)'.")
        }
        var fetches: [DataFetch] = []
        if case .array(let items)? = object.fields["fetches"] {
            for item in items {
                let fetch = try JSONObjectReader(item, what: "A fetch of \(what.lowercased())")
                fetches.append(DataFetch(
                    dataSource: try fetch.requiredString("dataSource"), fieldGroup: try fetch.requiredString("fieldGroup"),
                    parameters: Dictionary(uniqueKeysWithValues: try fetch.object("parameters").pairs.map { ($0.key, $0.value) })))
            }
        }
        self.init(
            id: try object.requiredString("id"), kind: kind, instanceID: try object.requiredString("instance"),
            journeyID: try object.requiredString("journey"), journeyVersionID: try object.requiredString("version"),
            nodeID: try object.requiredString("node"),
            profile: ProfileKey(namespace: try object.requiredString("namespace"), id: try object.requiredString("profile")),
            actionName: try object.string("action"), payload: object.fields["payload"] ?? .null,
            dynamicPath: try object.string("path"), headers: try object.strings("headers"), query: try object.strings("query"),
            fetches: fetches, timeout: try object.int("timeout") ?? 30_000, inTest: try object.bool("inTest"))
    }

    private static func sortedObject(_ values: [String: JSONValue]) -> JSONValue {
        .object(OrderedFields(values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    }
}
