/// The profile of the person an input concerns, as read from the profile store.
public struct RuntimeProfile: Hashable, Sendable {
    /// The attributes by field group: `{"ProfileFieldGroup": {…}, "<OtherGroup>": {…}}`,
    /// read by `#{ExperiencePlatform.<FieldGroup>.<path>}`.
    public var attributes: JSONValue
    /// The person's IANA time zone, for journeys and time conditions that use the profile's zone.
    public var timeZone: String?
    /// Whether the person may enter journeys in test mode.
    public var isTestProfile: Bool

    /// Creates a profile.
    public init(attributes: JSONValue = .object(OrderedFields()), timeZone: String? = nil, isTestProfile: Bool = false) {
        self.attributes = attributes
        self.timeZone = timeZone
        self.isTestProfile = isTestProfile
    }
}
