/// A change of audience membership.
public enum AudienceBehavior: String, Codable, Hashable, Sendable {
    case enter, exit
}
