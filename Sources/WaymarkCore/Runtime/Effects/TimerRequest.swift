/// A timer an instance asks for; the worker writes it as a `TimerRecord`.
public struct TimerRequest: Hashable, Sendable {
    /// Unique and deterministic: `instanceID/g` for the global timer, `instanceID/t<n>` otherwise.
    public var id: String
    /// When it is due, milliseconds since the epoch.
    public var dueAt: Int64
    /// What firing means.
    public var payload: TimerPayload

    /// Creates a timer request.
    public init(id: String, dueAt: Int64, payload: TimerPayload) {
        self.id = id
        self.dueAt = dueAt
        self.payload = payload
    }
}
