/// A message tracking event.
public enum ReactionKind: String, Codable, Hashable, Sendable, CaseIterable {
    case sent, opened, clicked, failed
}
