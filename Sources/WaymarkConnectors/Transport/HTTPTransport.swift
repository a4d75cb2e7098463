/// Sends HTTP requests: the one place where connectors touch the network.
///
/// `AsyncHTTPClientTransport` is the implementation; the executor depends only on this protocol.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the whole answer, whatever its status.
    /// - Parameters:
    ///   - request: the request.
    ///   - timeout: milliseconds the whole exchange may take, body included.
    /// - Throws: `HTTPTransportError` when no complete answer came (timeout, connection, bad URL,
    ///   oversized body). Statuses, 4xx and 5xx included, are answers, not errors.
    func send(_ request: HTTPRequestSpec, timeout: Int64) async throws(HTTPTransportError) -> HTTPResponseSpec

    /// Executors that callers may run on to send with the fewest thread hops (the transport's
    /// event loops); empty by default.
    var preferredExecutors: [any TaskExecutor] { get }
}

extension HTTPTransport {
    /// None.
    public var preferredExecutors: [any TaskExecutor] { [] }
}
