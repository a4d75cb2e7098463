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

    private typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    private struct State {
        var port: Int?
        var serving: Task<Void, Never>?
        var serverChannel: (any Channel)?
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
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .bind(host: host, port: requestedPort) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        let handler = handler
        let serving = Task {
            await Self.serve(listener, handler: handler)
        }
        state.withLock { state in
            state.port = listener.channel.localAddress?.port
            state.serving = serving
            state.serverChannel = listener.channel
        }
        return self
    }

    /// Stops listening, closes every connection and waits until the server has stopped.
    public func shutdown() async throws {
        let (serving, channel) = state.withLock { state in
            defer {
                state.serving = nil
                state.serverChannel = nil
            }
            return (state.serving, state.serverChannel)
        }
        serving?.cancel()
        try? await channel?.close()
        await serving?.value
    }

    /// Accepts connections until the listener closes, each served in its own child task.
    private static func serve(_ listener: NIOAsyncChannel<Connection, Never>, handler: @escaping Handler) async {
        await withDiscardingTaskGroup { group in
            try? await listener.executeThenClose { connections in
                for try await connection in connections {
                    group.addTask { await serve(connection, handler: handler) }
                }
            }
            group.cancelAll()
        }
    }

    /// Answers the requests of one connection in turn until it closes or asks to.
    private static func serve(_ connection: Connection, handler: Handler) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                    body.clear()
                case .body(var chunk):
                    body.writeBuffer(&chunk)
                case .end:
                    guard let requestHead = head else { continue }
                    let request = LoopbackRequest(
                        method: requestHead.method.rawValue, uri: requestHead.uri,
                        headers: requestHead.headers.map { ($0.name, $0.value) },
                        body: Array(body.readableBytesView))
                    let response = await handler(request)
                    try await outbound.write(contentsOf: parts(of: response, keepAlive: requestHead.isKeepAlive, version: requestHead.version))
                    guard requestHead.isKeepAlive else { return }
                    head = nil
                }
            }
        }
    }

    /// The head, body and end of a response.
    private static func parts(of response: LoopbackResponse, keepAlive: Bool, version: HTTPVersion) -> [HTTPServerResponsePart] {
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
