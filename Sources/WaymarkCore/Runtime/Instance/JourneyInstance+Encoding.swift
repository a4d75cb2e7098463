extension JourneyInstance {
    /// The encoding's version byte.
    static let encodingVersion: UInt8 = 1

    private enum Flag {
        static let inTest: UInt8 = 1
        static let reentrance: UInt8 = 2
        static let ended: UInt8 = 4
        static let ownExternalKey: UInt8 = 8
        static let pendingCall: UInt8 = 16
        static let errorInfo: UInt8 = 32
    }

    /// The compact binary form stored in `InstanceRecord.state`: a version byte, flags, varints
    /// (times relative to the entrance) and length-prefixed strings; kept payloads as tagged JSON.
    public var encoded: [UInt8] {
        var writer = BinaryWriter()
        writer.byte(Self.encodingVersion)
        var flags: UInt8 = 0
        if inTest { flags |= Flag.inTest }
        if isReentrance { flags |= Flag.reentrance }
        if endStatus != nil { flags |= Flag.ended }
        if externalKey != profile.id { flags |= Flag.ownExternalKey }
        if pendingCall != nil { flags |= Flag.pendingCall }
        if !errorInfo.isEmpty { flags |= Flag.errorInfo }
        writer.byte(flags)
        for text in [instanceID, journeyID, journeyVersionID, profile.namespace, profile.id] { writer.string(text) }
        if externalKey != profile.id { writer.string(externalKey) }
        writer.int(enteredAt)
        if let endStatus { writer.byte(Self.statusCodes.firstIndex(of: endStatus).map(UInt8.init) ?? 0) }
        writer.varint(UInt64(sequence))
        writer.varint(UInt64(lastStepSequence))
        if lastStepSequence != 0 { writer.string(lastStepNodeID) }
        writer.varint(UInt64(waits.count))
        for wait in waits {
            writer.string(wait.nodeID)
            writer.int(wait.since &- enteredAt)
            writer.varint(UInt64(wait.timer ?? 0))
        }
        if let pendingCall {
            writer.string(pendingCall.nodeID)
            writer.byte(pendingCall.kind == .action ? 0 : 1)
            writer.varint(UInt64(pendingCall.sequence))
            writer.int(pendingCall.since &- enteredAt)
        }
        if !errorInfo.isEmpty {
            writer.optionalString(errorInfo.lastNodeIDInError)
            writer.optionalString(errorInfo.lastErrorCode)
            writer.optionalString(errorInfo.lastExecutedActionErrorCode)
            writer.optionalString(errorInfo.lastDataFetchErrorCode)
            writer.optionalInt(errorInfo.lastActionExecutionElapsedTime)
            writer.optionalInt(errorInfo.lastDataFetchElapsedTime)
        }
        for documents in [events, actions] {
            writer.varint(UInt64(documents.count))
            for (name, document) in documents.sorted(by: { $0.key < $1.key }) {
                writer.string(name)
                writer.json(document)
            }
        }
        return writer.bytes
    }

    /// Decodes `InstanceRecord.state`.
    /// - Throws: `RuntimeError` `corruptData` naming the byte where the data stops making sense.
    public init(decoding bytes: [UInt8]) throws(RuntimeError) {
        var reader = BinaryReader(bytes, what: "An instance state")
        let version = try reader.byte()
        guard version == Self.encodingVersion else {
            throw RuntimeError(.corruptData, "An instance state has encoding version \(version); this runtime reads version \(Self.encodingVersion).")
        }
        let flags = try reader.byte()
        let instanceID = try reader.string()
        let journeyID = try reader.string()
        let versionID = try reader.string()
        let profile = ProfileKey(namespace: try reader.string(), id: try reader.string())
        let externalKey = flags & Flag.ownExternalKey != 0 ? try reader.string() : profile.id
        let enteredAt = try reader.int()
        self.init(
            instanceID: instanceID, journeyID: journeyID, journeyVersionID: versionID, profile: profile,
            externalKey: externalKey, enteredAt: enteredAt, inTest: flags & Flag.inTest != 0,
            isReentrance: flags & Flag.reentrance != 0)
        if flags & Flag.ended != 0 {
            let code = Int(try reader.byte())
            guard code < Self.statusCodes.count else { throw RuntimeError(.corruptData, "An instance state has an unknown end status \(code).") }
            endStatus = Self.statusCodes[code]
        }
        sequence = try reader.uint32()
        lastStepSequence = try reader.uint32()
        if lastStepSequence != 0 { lastStepNodeID = try reader.string() }
        for _ in 0..<(try reader.count()) {
            let nodeID = try reader.string()
            let since = enteredAt &+ (try reader.int())
            let timer = try reader.uint32()
            waits.append(WaitPoint(nodeID: nodeID, since: since, timer: timer == 0 ? nil : timer))
        }
        if flags & Flag.pendingCall != 0 {
            let nodeID = try reader.string()
            let kind: ExternalCallKind = try reader.byte() == 0 ? .action : .fetch
            let sequence = try reader.uint32()
            pendingCall = PendingCall(nodeID: nodeID, kind: kind, sequence: sequence, since: enteredAt &+ (try reader.int()))
        }
        if flags & Flag.errorInfo != 0 {
            errorInfo.lastNodeIDInError = try reader.optionalString()
            errorInfo.lastErrorCode = try reader.optionalString()
            errorInfo.lastExecutedActionErrorCode = try reader.optionalString()
            errorInfo.lastDataFetchErrorCode = try reader.optionalString()
            errorInfo.lastActionExecutionElapsedTime = try reader.optionalInt()
            errorInfo.lastDataFetchElapsedTime = try reader.optionalInt()
        }
        for _ in 0..<(try reader.count()) { events[try reader.string()] = try reader.json() }
        for _ in 0..<(try reader.count()) { actions[try reader.string()] = try reader.json() }
        guard reader.isAtEnd else { throw RuntimeError(.corruptData, "An instance state has bytes after its end.") }
    }

    /// End statuses by their code in the encoding (append only).
    private static let statusCodes: [StepStatus] = [.ended, .error, .transitions, .capped, .timedout, .instanceTimedout]
}
