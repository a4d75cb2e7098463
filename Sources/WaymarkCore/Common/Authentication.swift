/// How a data source, a custom action or a token endpoint authenticates its calls.
///
/// One type shared by external data sources and custom actions. Secrets (passwords, API key
/// values, custom-auth fields marked `secret`) can be replaced with `redacted()` before a
/// config is exported or shown.
public enum Authentication: Hashable, Sendable {
    /// No authentication.
    case none
    /// HTTP basic authentication.
    case basic(username: String, password: String)
    /// An API key sent as a header or a query parameter.
    case apiKey(name: String, value: String, location: APIKeyLocation)
    /// A token fetched from an endpoint, cached and put on every call.
    case custom(CustomAuthentication)
}
