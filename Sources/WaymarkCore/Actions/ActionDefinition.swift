/// What an action does.
public enum ActionDefinition: Hashable, Sendable {
    /// An HTTP call to a third-party system.
    case custom(CustomAction)
    /// A message sent on a channel.
    case message(MessageAction)
}
