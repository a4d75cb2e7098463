/// The settings of an event node.
public struct EventActivity: Codable, Hashable, Sendable {
    /// The name of the configured event.
    public var event: String?
    /// How long a waiting (non-entry) event node waits; `nil` waits until the global timeout.
    public var timeout: ISODuration?

    /// Creates event settings.
    public init(event: String?, timeout: ISODuration? = nil) {
        self.event = event
        self.timeout = timeout
    }
}
