/// The settings of a reaction node: tracking of a message sent by an earlier action node.
public struct ReactionActivity: Codable, Hashable, Sendable {
    /// The id of the message action node reacted to.
    public var actionNode: String?
    /// The tracking event awaited.
    public var reaction: ReactionKind?
    /// How long to wait (40 s – 30 days); `nil` waits until the global timeout.
    public var timeout: ISODuration?

    /// Creates reaction settings.
    public init(actionNode: String?, reaction: ReactionKind?, timeout: ISODuration? = nil) {
        self.actionNode = actionNode
        self.reaction = reaction
        self.timeout = timeout
    }

    /// The allowed range of a reaction timeout.
    public static let timeoutRange = ISODuration.seconds(40)...ISODuration.days(30)
}
