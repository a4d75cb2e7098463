extension ExternalCallResult {
    /// The encoding's version byte.
    static let encodingVersion: UInt8 = 1

    /// The bytes of an inbox entry carrying this result: the runtime's compact binary form.
    public var encoded: [UInt8] {
        var writer = BinaryWriter()
        writer.byte(Self.encodingVersion)
        writer.string(callID)
        writer.optionalInt(status.map(Int64.init))
        writer.json(response)
        writer.byte(errorKind.map { Self.errorKinds.firstIndex(of: $0).map { UInt8($0 + 1) } ?? 0 } ?? 0)
        writer.optionalString(errorCode)
        writer.int(executionTime)
        writer.int(waitTime)
        writer.optionalInt(originStartTime)
        writer.optionalInt(originTime)
        for text in [originError, originErrorCode, endpoint, method] { writer.optionalString(text) }
        writer.varint(UInt64(max(0, callCount)))
        return writer.bytes
    }

    /// Decodes the bytes of an inbox entry carrying a result.
    /// - Throws: `RuntimeError` `corruptData` naming the byte where the data stops making sense.
    public init(decoding bytes: [UInt8]) throws(RuntimeError) {
        var reader = BinaryReader(bytes, what: "An external call result")
        let version = try reader.byte()
        guard version == Self.encodingVersion else {
            throw RuntimeError(.corruptData, "An external call result has encoding version \(version); this runtime reads version \(Self.encodingVersion).")
        }
        let callID = try reader.string()
        let status = try reader.optionalInt()
        let response = try reader.json()
        let kindCode = Int(try reader.byte())
        guard kindCode <= Self.errorKinds.count else {
            throw RuntimeError(.corruptData, "An external call result has an unknown error kind \(kindCode).")
        }
        self.init(
            callID: callID, status: status.map { Int(truncatingIfNeeded: $0) }, response: response,
            errorKind: kindCode == 0 ? nil : Self.errorKinds[kindCode - 1], errorCode: try reader.optionalString(),
            executionTime: try reader.int(), waitTime: try reader.int(), originStartTime: try reader.optionalInt(),
            originTime: try reader.optionalInt(), originError: try reader.optionalString(),
            originErrorCode: try reader.optionalString(), endpoint: try reader.optionalString(),
            method: try reader.optionalString(), callCount: Int(truncatingIfNeeded: try reader.varint()))
        guard reader.isAtEnd else { throw RuntimeError(.corruptData, "An external call result has bytes after its end.") }
    }

    /// Error kinds by their code in the encoding, from 1 (append only).
    private static let errorKinds: [ExternalCallErrorKind] = [.http, .timeout, .capped, .internal]
}
