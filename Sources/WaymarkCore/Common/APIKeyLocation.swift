/// Where an API key is sent.
public enum APIKeyLocation: String, Codable, Hashable, Sendable {
    case header
    case query
}
