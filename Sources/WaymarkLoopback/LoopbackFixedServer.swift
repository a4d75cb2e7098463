import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// An HTTP/1.1 server on loopback that answers every request with the same response, on the
/// connection's event loop (no task per request): the cheapest receiver this package can be,
/// for benchmarks that measure the caller. It counts the requests it answered and the connections
/// it accepted.
public final class LoopbackFixedServer: Sendable {
    private let host: String
    private let response: LoopbackResponse
    private let group: any EventLoopGroup
    private let state = Mutex<(port: Int, channel: (any Channel)?)>((0, nil))
    private let answered = Atomic<Int>(0)
    private let accepted = Atomic<Int>(0)

    /// Creates a server; it listens once `start()` is called.
    public init(
        host: String = "127.0.0.1", response: LoopbackResponse,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.host = host
        self.response = response
        self.group = eventLoopGroup
    }

    /// The port listened on (`0` before `start()`).
    public var port: Int { state.withLock { $0.port } }

    /// `http://host:port`, without a trailing slash.
    public var baseURL: String { "http://\(host):\(port)" }

    /// How many requests were answered.
    public var requestCount: Int { answered.load(ordering: .relaxed) }

    /// How many connections were accepted.
    public var connectionCount: Int { accepted.load(ordering: .relaxed) }

    /// Starts listening on an ephemeral port.
    @discardableResult
    public func start() async throws -> LoopbackFixedServer {
        let response = response
        let server = self
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FixedReplyHandler(response: response, server: server))
                }
            }
            .bind(host: host, port: 0)
            .get()
        state.withLock { $0 = (channel.localAddress?.port ?? 0, channel) }
        return self
    }

    /// Stops listening.
    public func shutdown() async throws {
        let channel = state.withLock { $0.channel }
        try await channel?.close()
    }

    fileprivate func countRequest() { answered.add(1, ordering: .relaxed) }

    fileprivate func countConnection() { accepted.add(1, ordering: .relaxed) }
}

/// Answers each request, once read whole, with the fixed response.
private final class FixedReplyHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let head: HTTPHeaders
    private let status: HTTPResponseStatus
    private let body: ByteBuffer
    private let server: LoopbackFixedServer
    private var keepAlive = true
    private var version = HTTPVersion.http1_1

    init(response: LoopbackResponse, server: LoopbackFixedServer) {
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        headers.replaceOrAdd(name: "content-length", value: String(response.body.count))
        head = headers
        status = HTTPResponseStatus(statusCode: response.status)
        body = ByteBuffer(bytes: response.body)
        self.server = server
    }

    func channelActive(context: ChannelHandlerContext) {
        server.countConnection()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            keepAlive = request.isKeepAlive
            version = request.version
        case .body:
            break
        case .end:
            server.countRequest()
            var headers = head
            if !keepAlive { headers.replaceOrAdd(name: "connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
            if body.readableBytes > 0 { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
            let keepAlive = keepAlive
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                if !keepAlive { loopBound.value.close(promise: nil) }
            }
        }
    }
}
