/// The answer to an `HTTPRequestSpec`: status, headers and the whole body.
public struct HTTPResponseSpec: Hashable, Sendable {
    /// The status code.
    public var status: Int
    /// The headers.
    public var headers: [NamedValue]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [NamedValue] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
