/// A message channel.
public enum MessageChannel: String, Codable, Hashable, Sendable, CaseIterable {
    case email
    case sms
    case push
}
