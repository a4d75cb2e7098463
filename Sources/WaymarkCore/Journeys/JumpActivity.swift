/// The settings of a jump node.
public struct JumpActivity: Codable, Hashable, Sendable {
    /// The id of the journey whose latest version the person is sent to.
    public var journey: String?

    /// Creates jump settings.
    public init(journey: String?) { self.journey = journey }
}
