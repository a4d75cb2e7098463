/// A due timer of an instance, delivered through the inbox (`scheduledNotificationReceived`).
public struct TimerFiring: Hashable, Sendable {
    /// The timer's id (`TimerRecord.timerID`).
    public var timerID: String
    /// The timer's payload as the runtime scheduled it.
    public var payload: TimerPayload

    /// Creates a firing from a decoded payload.
    public init(timerID: String, payload: TimerPayload) {
        self.timerID = timerID
        self.payload = payload
    }

    /// Creates a firing from the bytes of a timer row.
    /// - Throws: `RuntimeError` `corruptData` when the payload is malformed.
    public init(timerID: String, payloadBytes: [UInt8]) throws(RuntimeError) {
        self.init(timerID: timerID, payload: try TimerPayload(decoding: payloadBytes))
    }
}
