import WaymarkCore

/// One HTTP request to send: method, URL, query items, headers and body.
public struct HTTPRequestSpec: Hashable, Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The URL without the query items of `query` (it may hold a query string of its own).
    public var url: String
    /// Query items appended to `url`, percent-encoded when sent.
    public var query: [NamedValue]
    /// The headers.
    public var headers: [NamedValue]
    /// The body, `nil` for none.
    public var body: [UInt8]?

    /// Creates a request.
    public init(method: HTTPMethod, url: String, query: [NamedValue] = [], headers: [NamedValue] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The URL to call: `url` with the query items, percent-encoded.
    public var fullURL: String { URLText.appendingQuery(query, to: url, redactingSecrets: false) }

    /// The URL to show: `fullURL` with secret query values replaced by `<redacted>`.
    public var redactedURL: String { URLText.appendingQuery(query, to: url, redactingSecrets: true) }

    /// `scheme://host:port` of the URL (the port spelled out), or the URL itself when it has no host.
    public var origin: String { URLText.origin(of: url) ?? url }

    /// The first value of the header `name` (compared without case).
    public func header(_ name: String) -> String? {
        headers.first { Self.sameName($0.name, name) }?.value
    }

    /// Sets the header `name`, replacing any header of that name (compared without case).
    public mutating func setHeader(_ name: String, _ value: String, isSecret: Bool = false) {
        headers.removeAll { Self.sameName($0.name, name) }
        headers.append(NamedValue(name, value, isSecret: isSecret))
    }

    /// Whether two header names are equal without regard to ASCII case (no allocation).
    static func sameName(_ first: String, _ second: String) -> Bool {
        first.utf8.count == second.utf8.count && zip(first.utf8, second.utf8).allSatisfy { a, b in
            a == b || (a | 0x20 == b | 0x20 && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(a | 0x20))
        }
    }

    /// Sets the query item `name`, replacing any item of that name.
    public mutating func setQueryItem(_ name: String, _ value: String, isSecret: Bool = false) {
        query.removeAll { $0.name == name }
        query.append(NamedValue(name, value, isSecret: isSecret))
    }
}
