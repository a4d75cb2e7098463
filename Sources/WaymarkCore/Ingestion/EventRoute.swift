/// An incoming event matched to one event config, with the profile its key expression gave.
public struct EventRoute: Hashable, Sendable {
    /// The event config's name (what journeys wait for).
    public var eventName: String
    /// The event config's id.
    public var eventConfigID: String
    /// The person: the config's namespace and the key expression's value.
    public var profile: ProfileKey

    /// Creates a route.
    public init(eventName: String, eventConfigID: String, profile: ProfileKey) {
        self.eventName = eventName
        self.eventConfigID = eventConfigID
        self.profile = profile
    }
}
