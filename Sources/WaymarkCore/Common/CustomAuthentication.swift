/// A custom authentication: a call to a token endpoint whose answer authenticates later calls.
public struct CustomAuthentication: Hashable, Sendable {
    /// The token endpoint URL.
    public var endpoint: String
    /// The method of the token call (`GET` or `POST`).
    public var method: HTTPMethod
    /// How the body fields are sent.
    public var bodyKind: BodyKind
    /// The body fields (or query parameters for `GET`), in order.
    public var body: [AuthenticationField]
    /// Where the token is in the response: `nil` for the whole response, else a dotted JSON path.
    public var tokenPath: String?
    /// How the token is put on authenticated calls.
    public var tokenUse: TokenUse
    /// How long the token is cached.
    public var cache: TokenCache

    /// Creates a custom authentication; the token is cached one hour unless said otherwise.
    public init(
        endpoint: String, method: HTTPMethod = .post, bodyKind: BodyKind = .form,
        body: [AuthenticationField] = [], tokenPath: String? = nil, tokenUse: TokenUse = .bearer,
        cache: TokenCache = .defaultDuration
    ) {
        self.endpoint = endpoint
        self.method = method
        self.bodyKind = bodyKind
        self.body = body
        self.tokenPath = tokenPath
        self.tokenUse = tokenUse
        self.cache = cache
    }

    /// The encoding of a token request body.
    public enum BodyKind: String, Codable, Hashable, Sendable {
        case form
        case json
    }

    /// How the token is sent on authenticated calls.
    public enum TokenUse: Hashable, Sendable {
        /// `Authorization: Bearer <token>`.
        case bearer
        /// A header of the given name.
        case header(String)
        /// A query parameter of the given name.
        case query(String)
    }

    /// How long a fetched token stays valid.
    public enum TokenCache: Hashable, Sendable {
        /// A fixed duration.
        case duration(ISODuration)
        /// The expiry read from the token response at a dotted path (seconds, or an ISO date-time).
        case responseExpiry(path: String)

        /// The default: one hour.
        public static let defaultDuration = TokenCache.duration(.hours(1))
    }
}
