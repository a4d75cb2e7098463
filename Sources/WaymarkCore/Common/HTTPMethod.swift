/// An HTTP method used by external data sources, custom actions, token endpoints and the CLI's
/// calls to a server.
///
/// Written in upper case in configs (`"GET"`), as HTTP itself spells them.
public enum HTTPMethod: String, Codable, Hashable, Sendable, CaseIterable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"
}
