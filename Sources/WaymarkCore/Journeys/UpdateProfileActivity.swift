/// The settings of an update profile node: one profile field set to the value of an expression.
public struct UpdateProfileActivity: Codable, Hashable, Sendable {
    /// The dotted path of the field in `ProfileFieldGroup`, e.g. `loyalty.tier`.
    public var field: String?
    /// The expression source of the new value.
    public var value: String?

    /// Creates update profile settings.
    public init(field: String?, value: String?) {
        self.field = field
        self.value = value
    }
}
