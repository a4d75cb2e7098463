import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import WaymarkCore

/// `HTTPTransport` over AsyncHTTPClient: pooled keep-alive connections, one shared event loop
/// group, no redirects followed, response bodies capped.
///
/// Call `shutdown()` once no more requests will be sent.
public final class AsyncHTTPClientTransport: HTTPTransport {
    /// The settings of the transport.
    public struct Settings: Hashable, Sendable {
        /// Connections kept per host (soft limit): high, so that slow endpoints do not queue fast calls.
        public var connectionsPerHost: Int
        /// How long an idle connection is kept, milliseconds.
        public var idleTimeout: Int64
        /// The largest response body accepted, bytes; a larger one fails as `responseTooLarge`.
        public var maxResponseBytes: Int

        /// Creates settings: 1,024 connections per host, 60 s idle, 10 MB bodies by default.
        public init(connectionsPerHost: Int = 1_024, idleTimeout: Int64 = 60_000, maxResponseBytes: Int = 10 * 1_024 * 1_024) {
            self.connectionsPerHost = connectionsPerHost
            self.idleTimeout = idleTimeout
            self.maxResponseBytes = maxResponseBytes
        }
    }

    private let client: HTTPClient
    private let maxResponseBytes: Int

    /// Creates a transport.
    /// - Parameters:
    ///   - settings: pool size, idle timeout, body cap.
    ///   - eventLoopGroup: the event loops of the connections (NIO's shared group by default).
    public init(settings: Settings = Settings(), eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup) {
        var pool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .milliseconds(settings.idleTimeout),
            concurrentHTTP1ConnectionsPerHostSoftLimit: settings.connectionsPerHost)
        pool.retryConnectionEstablishment = false  // a refused connection is an error the executor retries itself
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10)), connectionPool: pool)
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
        maxResponseBytes = settings.maxResponseBytes
    }

    /// Closes every connection; the transport cannot send afterwards.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Sends the request with AsyncHTTPClient, the timeout covering the body too.
    public func send(_ request: HTTPRequestSpec, timeout: Int64) async throws(HTTPTransportError) -> HTTPResponseSpec {
        var outgoing = HTTPClientRequest(url: request.fullURL)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        outgoing.headers.reserveCapacity(request.headers.count)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await client.execute(outgoing, deadline: .now() + .milliseconds(max(timeout, 1)))
            let body = try await response.body.collect(upTo: maxResponseBytes)
            return HTTPResponseSpec(
                status: Int(response.status.code),
                headers: response.headers.map { NamedValue($0.name, $0.value) },
                body: Array(body.readableBytesView))
        } catch {
            throw Self.transportError(error, request: request)
        }
    }

    /// The transport error an AsyncHTTPClient or NIO error stands for (messages carry no secret).
    static func transportError(_ error: any Error, request: HTTPRequestSpec) -> HTTPTransportError {
        let target = request.redactedURL
        if error is NIOTooManyBytesError {
            return HTTPTransportError(.responseTooLarge, "the response of \(target) is larger than accepted")
        }
        guard let clientError = error as? HTTPClientError else {
            return HTTPTransportError(.connection, "no answer from \(target): \(type(of: error))")
        }
        switch clientError {
        case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout:
            return HTTPTransportError(.timeout, "no answer from \(target) in time")
        case .invalidURL, .emptyHost, .emptyScheme:
            return HTTPTransportError(.invalidURL, "cannot call \(target): invalid URL")
        default:
            return HTTPTransportError(.connection, "no answer from \(target): \(clientError)")
        }
    }
}
