/// What a timer row carries for the runtime (`TimerRecord.payload`): the node and the purpose.
public struct TimerPayload: Hashable, Sendable {
    /// The node the timer belongs to (the entry node for global timers).
    public var nodeID: String
    /// What firing means.
    public var purpose: TimerPurpose

    /// Creates a payload.
    public init(nodeID: String, purpose: TimerPurpose) {
        self.nodeID = nodeID
        self.purpose = purpose
    }

    /// The bytes stored in the timer row: the purpose byte, then the node id in UTF-8.
    public var encoded: [UInt8] { [purpose.rawValue] + Array(nodeID.utf8) }

    /// Decodes the bytes of a timer row.
    /// - Throws: `RuntimeError` `corruptData` when they are not a timer payload.
    public init(decoding bytes: [UInt8]) throws(RuntimeError) {
        guard let first = bytes.first, let purpose = TimerPurpose(rawValue: first) else {
            throw RuntimeError(.corruptData, "A timer payload must start with a purpose byte 1–5; got \(bytes.first.map(String.init) ?? "no bytes").")
        }
        self.purpose = purpose
        self.nodeID = String(decoding: bytes.dropFirst(), as: UTF8.self)
    }
}
