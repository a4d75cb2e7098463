/// One HTTP request received by a `LoopbackServer`, whole (head and body).
public struct LoopbackRequest: Sendable {
    /// The method as sent (`GET`, `POST`, …).
    public var method: String
    /// The request target as sent: path and query string.
    public var uri: String
    /// The headers in the order sent (names as sent; look them up with `header(_:)`).
    public var headers: [(name: String, value: String)]
    /// The body bytes (empty when there is none).
    public var body: [UInt8]

    /// Creates a request (the server does; tests of handlers may too).
    public init(method: String, uri: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
    }

    /// The path, without the query string.
    public var path: String {
        guard let mark = uri.firstIndex(of: "?") else { return uri }
        return String(uri[..<mark])
    }

    /// The query items, percent-decoded, in order (`+` reads as a space).
    public var queryItems: [(name: String, value: String)] {
        guard let mark = uri.firstIndex(of: "?") else { return [] }
        return FormDecoding.fields(of: uri[uri.index(after: mark)...])
    }

    /// The first value of the query item `name`, if any.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The first value of the header `name` (compared without case), if any.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body read as an `application/x-www-form-urlencoded` form, in order.
    public var formFields: [(name: String, value: String)] {
        FormDecoding.fields(of: bodyText[...])
    }
}
