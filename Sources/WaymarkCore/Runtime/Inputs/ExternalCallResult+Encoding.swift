extension ExternalCallResult {
    /// The bytes of an inbox entry carrying this result: compact JSON.
    public var encoded: [UInt8] {
        var fields = OrderedFields<JSONValue>()
        fields["id"] = .string(callID)
        if let status { fields["status"] = .int(Int64(status)) }
        fields["response"] = response
        if let errorKind { fields["error"] = .string(errorKind.rawValue) }
        if let errorCode { fields["errorCode"] = .string(errorCode) }
        fields["time"] = .int(executionTime)
        if waitTime != 0 { fields["wait"] = .int(waitTime) }
        if let originStartTime { fields["originStart"] = .int(originStartTime) }
        if let originTime { fields["originTime"] = .int(originTime) }
        if let originError { fields["originError"] = .string(originError) }
        if let originErrorCode { fields["originErrorCode"] = .string(originErrorCode) }
        if let endpoint { fields["endpoint"] = .string(endpoint) }
        if let method { fields["method"] = .string(method) }
        if callCount != 1 { fields["count"] = .int(Int64(callCount)) }
        return JSONValue.object(fields).serializedBytes()
    }

    /// Decodes the bytes of an inbox entry carrying a result.
    /// - Throws: `RuntimeError` `corruptData` naming the bad field.
    public init(decoding bytes: [UInt8]) throws(RuntimeError) {
        let object = try JSONObjectReader(bytes: bytes, what: "An external call result")
        let kind: ExternalCallErrorKind?
        if let name = try object.string("error") {
            guard let known = ExternalCallErrorKind(rawValue: name) else {
                throw RuntimeError(.corruptData, "An external call result has an unknown error kind '\(name)'.")
            }
            kind = known
        } else {
            kind = nil
        }
        self.init(
            callID: try object.requiredString("id"), status: try object.int("status").map(Int.init),
            response: object.fields["response"] ?? .null, errorKind: kind, errorCode: try object.string("errorCode"),
            executionTime: try object.int("time") ?? 0, waitTime: try object.int("wait") ?? 0,
            originStartTime: try object.int("originStart"), originTime: try object.int("originTime"),
            originError: try object.string("originError"), originErrorCode: try object.string("originErrorCode"),
            endpoint: try object.string("endpoint"), method: try object.string("method"),
            callCount: Int(try object.int("count") ?? 1))
    }
}
