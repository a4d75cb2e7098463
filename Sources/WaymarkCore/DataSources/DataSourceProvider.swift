/// Where a data source's data comes from.
public enum DataSourceProvider: Hashable, Sendable {
    /// The built-in real-time profile store, looked up by the journey's namespace and key.
    case experiencePlatform
    /// An external REST service at a base URL.
    case rest(baseURL: String, authentication: Authentication)
}
