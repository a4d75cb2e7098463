extension ExternalCallRequest {
    /// The encoding's version byte.
    static let encodingVersion: UInt8 = 1

    /// The bytes of the outbox row (`OutboxRecord.payload`): the runtime's compact binary form
    /// (version byte, length-prefixed strings, sorted maps, tagged JSON).
    public var encoded: [UInt8] {
        var writer = BinaryWriter()
        writer.byte(Self.encodingVersion)
        writer.byte(kind == .action ? 0 : 1)
        for text in [id, instanceID, journeyID, journeyVersionID, nodeID, profile.namespace, profile.id] { writer.string(text) }
        writer.optionalString(actionName)
        writer.json(payload)
        writer.optionalString(dynamicPath)
        for map in [headers, query] {
            writer.varint(UInt64(map.count))
            for (name, value) in map.sorted(by: { $0.key < $1.key }) {
                writer.string(name)
                writer.string(value)
            }
        }
        writer.varint(UInt64(fetches.count))
        for fetch in fetches {
            writer.string(fetch.dataSource)
            writer.string(fetch.fieldGroup)
            writer.varint(UInt64(fetch.parameters.count))
            for (name, value) in fetch.parameters.sorted(by: { $0.key < $1.key }) {
                writer.string(name)
                writer.json(value)
            }
        }
        writer.int(timeout)
        writer.byte(inTest ? 1 : 0)
        return writer.bytes
    }

    /// Decodes the bytes of an outbox row.
    /// - Throws: `RuntimeError` `corruptData` naming the byte where the data stops making sense.
    public init(decoding bytes: [UInt8]) throws(RuntimeError) {
        var reader = BinaryReader(bytes, what: "An external call request")
        let version = try reader.byte()
        guard version == Self.encodingVersion else {
            throw RuntimeError(.corruptData, "An external call request has encoding version \(version); this runtime reads version \(Self.encodingVersion).")
        }
        let kind: ExternalCallKind = try reader.byte() == 0 ? .action : .fetch
        let id = try reader.string()
        let instanceID = try reader.string()
        let journeyID = try reader.string()
        let versionID = try reader.string()
        let nodeID = try reader.string()
        let profile = ProfileKey(namespace: try reader.string(), id: try reader.string())
        let actionName = try reader.optionalString()
        let payload = try reader.json()
        let dynamicPath = try reader.optionalString()
        var maps: [[String: String]] = []
        for _ in 0..<2 {
            var map: [String: String] = [:]
            for _ in 0..<(try reader.count()) { map[try reader.string()] = try reader.string() }
            maps.append(map)
        }
        var fetches: [DataFetch] = []
        for _ in 0..<(try reader.count()) {
            var fetch = DataFetch(dataSource: try reader.string(), fieldGroup: try reader.string())
            for _ in 0..<(try reader.count()) { fetch.parameters[try reader.string()] = try reader.json() }
            fetches.append(fetch)
        }
        let timeout = try reader.int()
        let inTest = try reader.byte() != 0
        guard reader.isAtEnd else { throw RuntimeError(.corruptData, "An external call request has bytes after its end.") }
        self.init(
            id: id, kind: kind, instanceID: instanceID, journeyID: journeyID, journeyVersionID: versionID, nodeID: nodeID,
            profile: profile, actionName: actionName, payload: payload, dynamicPath: dynamicPath, headers: maps[0],
            query: maps[1], fetches: fetches, timeout: timeout, inTest: inTest)
    }
}
