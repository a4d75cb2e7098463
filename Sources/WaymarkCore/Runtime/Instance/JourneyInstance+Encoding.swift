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
        var writer = BinaryWriter(capacity: estimatedEncodedSize)
        writer.byte(Self.encodingVersion)
        var flags: UInt8 = 0
        if inTest { flags |= Flag.inTest }
        if isReentrance { flags |= Flag.reentrance }
        if endStatus != nil { flags |= Flag.ended }
        if externalKey != profile.id { flags |= Flag.ownExternalKey }
        if pendingCall != nil { flags |= Flag.pendingCall }
        if !errorInfo.isEmpty { flags |= Flag.errorInfo }
        writer.byte(flags)
        writer.string(instanceID)
        writer.string(journeyID)
        writer.string(journeyVersionID)
        writer.string(profile.namespace)
        writer.string(profile.id)
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
        Self.write(events, to: &writer)
        Self.write(actions, to: &writer)
        return writer.bytes
    }

    /// Kept documents, sorted by name (so that equal instances give equal bytes).
    private static func write(_ documents: [String: JSONValue], to writer: inout BinaryWriter) {
        writer.varint(UInt64(documents.count))
        func write(_ name: String, _ document: JSONValue) {
            writer.string(name)
            writer.json(document)
        }
        if documents.count < 2 {
            for (name, document) in documents { write(name, document) }  // nothing to sort
        } else {
            for (name, document) in documents.sorted(by: { $0.key < $1.key }) { write(name, document) }
        }
    }

    /// About how many bytes `encoded` takes: its strings and a guess for the rest, so that the
    /// writer allocates once.
    private var estimatedEncodedSize: Int {
        var size = 48 + instanceID.utf8.count + journeyID.utf8.count + journeyVersionID.utf8.count
            + profile.namespace.utf8.count + profile.id.utf8.count + lastStepNodeID.utf8.count
        if externalKey != profile.id { size += externalKey.utf8.count }
        for wait in waits { size += 16 + wait.nodeID.utf8.count }
        if let pendingCall { size += 16 + pendingCall.nodeID.utf8.count }
        return size + 64 * (events.count + actions.count)
    }

    /// Decodes `InstanceRecord.state`.
    /// - Throws: `RuntimeError` `corruptData` naming the byte where the data stops making sense.
    public init(decoding bytes: [UInt8]) throws(RuntimeError) {
        var reader = BinaryReader(bytes, what: "An instance state")
        let version = try reader.byte()
        guard version == Self.encodingVersion else {
            throw RuntimeError(.corruptData, "An instance state has encoding version \(version); this runtime reads version \(Self.encodingVersion).")
        }
        // Everything is read into locals first, then the instance is made in one call: it is
        // built in place, not copied out of a partly initialized temporary.
        let flags = try reader.byte()
        let instanceID = try reader.string()
        let journeyID = try reader.string()
        let journeyVersionID = try reader.string()
        let profile = ProfileKey(namespace: try reader.string(), id: try reader.string())
        let externalKey = flags & Flag.ownExternalKey != 0 ? try reader.string() : profile.id
        let enteredAt = try reader.int()
        var endStatus: StepStatus?
        if flags & Flag.ended != 0 {
            let code = Int(try reader.byte())
            guard code < Self.statusCodes.count else { throw RuntimeError(.corruptData, "An instance state has an unknown end status \(code).") }
            endStatus = Self.statusCodes[code]
        }
        let sequence = try reader.uint32()
        let lastStepSequence = try reader.uint32()
        let lastStepNodeID = lastStepSequence != 0 ? try reader.string() : ""
        var waits: [WaitPoint] = []
        let waitCount = try reader.count()
        waits.reserveCapacity(waitCount)
        for _ in 0..<waitCount {
            let nodeID = try reader.string()
            let since = enteredAt &+ (try reader.int())
            let timer = try reader.uint32()
            waits.append(WaitPoint(nodeID: nodeID, since: since, timer: timer == 0 ? nil : timer))
        }
        var pendingCall: PendingCall?
        if flags & Flag.pendingCall != 0 {
            let nodeID = try reader.string()
            let kind: ExternalCallKind = try reader.byte() == 0 ? .action : .fetch
            let sequence = try reader.uint32()
            pendingCall = PendingCall(nodeID: nodeID, kind: kind, sequence: sequence, since: enteredAt &+ (try reader.int()))
        }
        var errorInfo = InstanceErrorInfo()
        if flags & Flag.errorInfo != 0 {
            errorInfo.lastNodeIDInError = try reader.optionalString()
            errorInfo.lastErrorCode = try reader.optionalString()
            errorInfo.lastExecutedActionErrorCode = try reader.optionalString()
            errorInfo.lastDataFetchErrorCode = try reader.optionalString()
            errorInfo.lastActionExecutionElapsedTime = try reader.optionalInt()
            errorInfo.lastDataFetchElapsedTime = try reader.optionalInt()
        }
        let events = try Self.readDocuments(&reader)
        let actions = try Self.readDocuments(&reader)
        guard reader.isAtEnd else { throw RuntimeError(.corruptData, "An instance state has bytes after its end.") }
        self.init(
            instanceID: instanceID, journeyID: journeyID, journeyVersionID: journeyVersionID, profile: profile,
            externalKey: externalKey, enteredAt: enteredAt, inTest: flags & Flag.inTest != 0,
            isReentrance: flags & Flag.reentrance != 0, endStatus: endStatus, waits: waits, pendingCall: pendingCall,
            sequence: sequence, lastStepSequence: lastStepSequence, lastStepNodeID: lastStepNodeID, errorInfo: errorInfo,
            events: events, actions: actions)
    }

    /// An instance with every stored property given.
    private init(
        instanceID: String, journeyID: String, journeyVersionID: String, profile: ProfileKey, externalKey: String,
        enteredAt: Int64, inTest: Bool, isReentrance: Bool, endStatus: StepStatus?, waits: [WaitPoint],
        pendingCall: PendingCall?, sequence: UInt32, lastStepSequence: UInt32, lastStepNodeID: String,
        errorInfo: InstanceErrorInfo, events: [String: JSONValue], actions: [String: JSONValue]
    ) {
        self.instanceID = instanceID
        self.journeyID = journeyID
        self.journeyVersionID = journeyVersionID
        self.profile = profile
        self.externalKey = externalKey
        self.enteredAt = enteredAt
        self.inTest = inTest
        self.isReentrance = isReentrance
        self.endStatus = endStatus
        self.waits = waits
        self.pendingCall = pendingCall
        self.sequence = sequence
        self.lastStepSequence = lastStepSequence
        self.lastStepNodeID = lastStepNodeID
        self.errorInfo = errorInfo
        self.events = events
        self.actions = actions
    }

    /// Kept documents by name.
    private static func readDocuments(_ reader: inout BinaryReader) throws(RuntimeError) -> [String: JSONValue] {
        let count = try reader.count()
        guard count > 0 else { return [:] }
        var documents: [String: JSONValue] = [:]
        for _ in 0..<count { documents[try reader.string()] = try reader.json() }
        return documents
    }

    /// End statuses by their code in the encoding (append only).
    private static let statusCodes: [StepStatus] = [.ended, .error, .transitions, .capped, .timedout, .instanceTimedout]
}
