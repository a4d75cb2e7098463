/// Why an HTTP request got no usable answer.
public struct HTTPTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Hashable, Sendable {
        /// No complete answer before the timeout.
        case timeout
        /// The connection could not be made or broke (refused, reset, closed early, DNS).
        case connection
        /// The URL cannot be called (no scheme or host, unsupported scheme).
        case invalidURL
        /// The body was larger than the transport accepts.
        case responseTooLarge
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, for people; never holds a secret.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
