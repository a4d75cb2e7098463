/// The answer a `LoopbackServer`'s handler gives to one request.
public struct LoopbackResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Headers to send (`content-length` and `connection` are added by the server).
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response: `text` with `content-type: application/json`.
    public static func json(_ text: String, status: Int = 200) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("content-type", "application/json")], body: Array(text.utf8))
    }

    /// A plain-text response.
    public static func text(_ text: String, status: Int = 200) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("content-type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    }

    /// An empty response with this status.
    public static func status(_ status: Int) -> LoopbackResponse {
        LoopbackResponse(status: status)
    }
}
