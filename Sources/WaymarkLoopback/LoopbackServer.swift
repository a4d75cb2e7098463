import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// An HTTP/1.1 server on loopback whose every answer comes from one async handler.
///
/// It listens on `127.0.0.1`, on an ephemeral port unless told otherwise, keeps connections
/// alive, and serves the connections concurrently (requests on one connection in turn, as
/// HTTP/1.1 clients send them). A handler may suspend (e.g. `Task.sleep`) to play a slow
/// endpoint without holding back other connections.
///
/// ```swift
/// let server = try await LoopbackServer { request in .json(#"{"ok":true}"#) }.start()
/// defer { Task { try await server.shutdown() } }
/// print(server.baseURL)  // http://127.0.0.1:49152
/// ```
public final class LoopbackServer: Sendable {
    /// Answers one request.
    public typealias Handler = @Sendable (LoopbackRequest) async -> LoopbackResponse

    private struct State {
        var port: Int?
        var serverChannel: (any Channel)?
        var connections: [ObjectIdentifier: any Channel] = [:]
    }

    private let host: String
    private let requestedPort: Int
    private let group: any EventLoopGroup
    private let handler: Handler
    private let state = Mutex(State())

    /// Creates a server; it listens once `start()` is called.
    /// - Parameters:
    ///   - host: the address to listen on (loopback by default).
    ///   - port: the port; `0` picks a free one (read it from `port` after `start()`).
    ///   - eventLoopGroup: the event loops of the connections (NIO's shared group by default).
    ///   - handler: answers every request.
    public init(
        host: String = "127.0.0.1", port: Int = 0,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        handler: @escaping Handler
    ) {
        self.host = host
        self.requestedPort = port
        self.group = eventLoopGroup
        self.handler = handler
    }

    /// The port listened on (`0` before `start()`).
    public var port: Int { state.withLock { $0.port ?? 0 } }

    /// `http://host:port`, without a trailing slash.
    public var baseURL: String { "http://\(host):\(port)" }

    /// Starts listening and serving.
    /// - Returns: this server, so that `try await LoopbackServer { … }.start()` reads well.
    /// - Throws: the bind error, e.g. when the port is taken.
    @discardableResult
    public func start() async throws -> LoopbackServer {
        let handler = handler
        let server = self
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                server.track(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(AsyncReplyHandler(handler: handler))
                }
            }
            .bind(host: host, port: requestedPort)
            .get()
        state.withLock { state in
            state.port = listener.localAddress?.port
            state.serverChannel = listener
        }
        return self
    }

    /// Stops listening and closes every connection (a handler still running finds its
    /// connection closed).
    public func shutdown() async throws {
        let (listener, connections) = state.withLock { state in
            defer {
                state.serverChannel = nil
                state.connections = [:]
            }
            return (state.serverChannel, Array(state.connections.values))
        }
        try? await listener?.close()
        for connection in connections { try? await connection.close() }
    }

    /// Keeps a connection until it closes, so that `shutdown()` can close it.
    private func track(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        state.withLock { $0.connections[key] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.state.withLock { _ = $0.connections.removeValue(forKey: key) }
        }
    }

    /// Gathers each request and answers it with the handler, in a task of its own; the
    /// response is written through the channel when the handler returns. The HTTP pipeline
    /// holds a pipelined request back until the response before it is written.
    private final class AsyncReplyHandler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart

        private let handler: Handler
        private var head: HTTPRequestHead?
        private var body = ByteBuffer()

        init(handler: @escaping Handler) {
            self.handler = handler
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let requestHead):
                head = requestHead
                body.clear()
            case .body(var chunk):
                body.writeBuffer(&chunk)
            case .end:
                guard let requestHead = head else { return }
                head = nil
                let request = LoopbackRequest(
                    method: requestHead.method.rawValue, uri: requestHead.uri,
                    headers: requestHead.headers.map { ($0.name, $0.value) }, body: Array(body.readableBytesView))
                let channel = context.channel
                let handler = handler
                let promise = context.eventLoop.makePromise(of: LoopbackResponse.self)
                promise.completeWithTask { await handler(request) }
                promise.futureResult.whenSuccess { response in
                    let parts = LoopbackServer.parts(of: response, keepAlive: requestHead.isKeepAlive, version: requestHead.version)
                    for part in parts.dropLast() { channel.write(part, promise: nil) }
                    channel.writeAndFlush(parts[parts.count - 1]).whenComplete { _ in
                        if !requestHead.isKeepAlive { channel.close(promise: nil) }
                    }
                }
            }
        }
    }

    /// The head, body and end of a response.
    fileprivate static func parts(of response: LoopbackResponse, keepAlive: Bool, version: HTTPVersion) -> [HTTPServerResponsePart] {
        var headers = HTTPHeaders()
        headers.reserveCapacity(response.headers.count + 2)
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        headers.replaceOrAdd(name: "content-length", value: String(response.body.count))
        headers.replaceOrAdd(name: "connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        guard !response.body.isEmpty else { return [.head(head), .end(nil)] }
        return [.head(head), .body(.byteBuffer(ByteBuffer(bytes: response.body))), .end(nil)]
    }
}
