import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization
import WaymarkCore

/// `HTTPTransport` for plain `http://` over SwiftNIO: kept-alive HTTP/1.1 connections pooled per
/// origin, one request in flight per connection (a timeout closes its own connection only), the
/// request written and the response read on the connection's event loop with no extra hop.
/// `https://` URLs go to the `secure` transport (AsyncHTTPClient by default).
///
/// Made for the dispatch rate: a call costs a write and a read on a connection that is already
/// open. Call `shutdown()` once no more requests will be sent.
public final class PooledHTTP1Transport: HTTPTransport {
    /// The settings of the transport.
    public struct Settings: Hashable, Sendable {
        /// The most idle connections kept per origin.
        public var idleConnectionsPerOrigin: Int
        /// How long connecting may take, milliseconds (within the call's timeout).
        public var connectTimeout: Int64
        /// The largest response body accepted, bytes.
        public var maxResponseBytes: Int

        /// Creates settings: 512 idle connections per origin, 10 s to connect, 10 MB bodies.
        public init(idleConnectionsPerOrigin: Int = 512, connectTimeout: Int64 = 10_000, maxResponseBytes: Int = 10 * 1_024 * 1_024) {
            self.idleConnectionsPerOrigin = idleConnectionsPerOrigin
            self.connectTimeout = connectTimeout
            self.maxResponseBytes = maxResponseBytes
        }
    }

    private let settings: Settings
    private let group: any EventLoopGroup
    /// The `https://` transport: given, or an `AsyncHTTPClientTransport` made on first use (so a
    /// transport that never sent to `https://` has no client to shut down).
    private let secure: Mutex<(any HTTPTransport)?>
    private let ownsSecure: Bool
    /// Idle connections by origin and event loop.
    private let idle = Mutex<[PoolKey: [any Channel]]>([:])
    /// One executor per event loop of the group: a caller running on one sends on that loop's connections.
    public let preferredExecutors: [any TaskExecutor]

    /// Where an idle connection is kept: its origin and its event loop.
    private struct PoolKey: Hashable {
        var origin: String
        var eventLoop: ObjectIdentifier
    }

    /// Creates a transport.
    /// - Parameters:
    ///   - settings: pool size, connect timeout, body cap.
    ///   - eventLoopGroup: the event loops of the connections (NIO's shared group by default).
    ///   - secure: sends `https://` requests (a new `AsyncHTTPClientTransport` by default).
    public init(
        settings: Settings = Settings(), eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        secure: (any HTTPTransport)? = nil
    ) {
        self.settings = settings
        self.group = eventLoopGroup
        preferredExecutors = eventLoopGroup.makeIterator().map { EventLoopTaskExecutor($0) }
        self.secure = Mutex(secure)
        ownsSecure = secure == nil
    }

    /// Closes the idle connections and shuts the secure transport down.
    public func shutdown() async throws {
        let channels = idle.withLock { pools in
            defer { pools.removeAll() }
            return pools.values.flatMap { $0 }
        }
        for channel in channels { try? await channel.close() }
        if ownsSecure, let secure = secure.withLock({ $0 }) as? AsyncHTTPClientTransport { try await secure.shutdown() }
    }

    public func send(_ request: HTTPRequestSpec, timeout: Int64) async throws(HTTPTransportError) -> HTTPResponseSpec {
        let url = request.fullURL
        guard let target = PlainHTTPTarget(url) else {
            if url.lowercased().hasPrefix("https://") { return try await secureTransport.send(request, timeout: timeout) }
            throw HTTPTransportError(.invalidURL, "cannot call \(request.redactedURL): not an http:// or https:// URL with a host")
        }
        let deadline = NIODeadline.now() + .milliseconds(max(timeout, 1))
        let channel = try await connection(to: target, deadline: deadline, request: request)
        var head = HTTPRequestHead(version: .http1_1, method: NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue), uri: target.pathAndQuery)
        head.headers.reserveCapacity(request.headers.count + 3)
        head.headers.add(name: "Host", value: target.hostHeader)
        for header in request.headers { head.headers.add(name: header.name, value: header.value) }
        if let body = request.body { head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count)) }
        let promise = channel.eventLoop.makePromise(of: HTTPResponseSpec.self)
        let exchange = HTTP1Exchange(head: head, body: request.body.map { ByteBuffer(bytes: $0) }, promise: promise, deadline: deadline)
        channel.writeAndFlush(exchange, promise: nil)
        do {
            let response = try await promise.futureResult.get()
            if channel.isActive, !Self.closes(response) { keep(channel, for: target.origin) } else { channel.close(promise: nil) }
            return response
        } catch let error as HTTPTransportError {
            throw error.naming(request.redactedURL)
        } catch {
            throw HTTPTransportError(.connection, "no answer from \(request.redactedURL): \(type(of: error))")
        }
    }

    /// The `https://` transport, made on first use.
    private var secureTransport: any HTTPTransport {
        let maxBytes = settings.maxResponseBytes
        return secure.withLock { secure in
            if let secure { return secure }
            let made = AsyncHTTPClientTransport(settings: .init(maxResponseBytes: maxBytes))
            secure = made
            return made
        }
    }

    /// Whether the server said it closes the connection after this response.
    private static func closes(_ response: HTTPResponseSpec) -> Bool {
        response.headers.contains { $0.name.lowercased() == "connection" && $0.value.lowercased() == "close" }
    }

    /// The event loop the caller runs on, if one of the group's; else one of the group's.
    private var nearestEventLoop: any EventLoop {
        MultiThreadedEventLoopGroup.currentEventLoop ?? group.any()
    }

    /// An idle connection to the target's origin on the caller's event loop, or a new one there.
    private func connection(to target: PlainHTTPTarget, deadline: NIODeadline, request: HTTPRequestSpec) async throws(HTTPTransportError)
        -> any Channel
    {
        let eventLoop = nearestEventLoop
        let key = PoolKey(origin: target.origin, eventLoop: ObjectIdentifier(eventLoop))
        while let channel = idle.withLock({ $0[key]?.popLast() }) {
            if channel.isActive { return channel }
        }
        let maxBytes = settings.maxResponseBytes
        let connectDeadline = min(deadline, NIODeadline.now() + .milliseconds(settings.connectTimeout))
        do {
            return try await ClientBootstrap(group: eventLoop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(max(.milliseconds(1), connectDeadline - .now()))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(HTTP1ExchangeHandler(maxResponseBytes: maxBytes))
                    }
                }
                .connect(host: target.host, port: target.port)
                .get()
        } catch {
            if NIODeadline.now() >= deadline { throw HTTPTransportError(.timeout, "no connection to \(request.redactedURL) in time") }
            throw HTTPTransportError(.connection, "cannot connect to \(request.redactedURL): \(error)")
        }
    }

    /// Keeps a connection for the next request to its origin on its event loop (closed when the pool is full).
    private func keep(_ channel: any Channel, for origin: String) {
        let key = PoolKey(origin: origin, eventLoop: ObjectIdentifier(channel.eventLoop))
        let kept = idle.withLock { pools in
            guard pools[key, default: []].count < settings.idleConnectionsPerOrigin else { return false }
            pools[key, default: []].append(channel)
            return true
        }
        if !kept { channel.close(promise: nil) }
    }
}

extension HTTPTransportError {
    /// This error with a message naming `url` when it names no request yet.
    func naming(_ url: String) -> HTTPTransportError {
        message.isEmpty ? HTTPTransportError(code, "\(code.rawValue) calling \(url)") : self
    }
}

/// Host, port and the rest of a plain `http://` URL.
struct PlainHTTPTarget: Hashable, Sendable {
    var host: String
    var port: Int
    var pathAndQuery: String
    /// `host:port`, the pool's key.
    var origin: String
    /// The `Host` header.
    var hostHeader: String { port == 80 ? host : "\(host):\(port)" }

    /// Reads an `http://host[:port][/path][?query]` URL; `nil` for anything else (a scan of the bytes).
    init?(_ url: String) {
        let utf8 = url.utf8
        let scheme = "http://".utf8
        // Compared without case: setting bit 0x20 lowers ASCII letters and keeps ':' and '/'.
        guard utf8.count > scheme.count, zip(utf8, scheme).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
        let authorityStart = utf8.index(utf8.startIndex, offsetBy: scheme.count)
        var authorityEnd = authorityStart
        var hostStart = authorityStart
        var colon: String.Index?
        while authorityEnd < utf8.endIndex {
            let byte = utf8[authorityEnd]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            if byte == UInt8(ascii: "@") {
                hostStart = utf8.index(after: authorityEnd)
                colon = nil
            } else if byte == UInt8(ascii: ":") {
                colon = authorityEnd
            } else if byte == UInt8(ascii: "]") {
                colon = nil
            }
            authorityEnd = utf8.index(after: authorityEnd)
        }
        var port = 80
        var hostEnd = authorityEnd
        if let colon {
            guard let number = Int(Substring(utf8[utf8.index(after: colon)..<authorityEnd])), (1...65_535).contains(number) else { return nil }
            port = number
            hostEnd = colon
        }
        var host = utf8[hostStart..<hostEnd]
        if host.first == UInt8(ascii: "["), host.last == UInt8(ascii: "]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else { return nil }
        let pathEnd = utf8[authorityEnd...].firstIndex(of: UInt8(ascii: "#")) ?? utf8.endIndex
        let path = Substring(utf8[authorityEnd..<pathEnd])
        self.host = String(Substring(host))
        self.port = port
        self.pathAndQuery = path.isEmpty || path.first == "?" ? "/" + path : String(path)
        origin = "\(self.host):\(port)"
    }
}

/// One request on a pooled connection: what to write, and the promise its response completes.
struct HTTP1Exchange: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer?
    var promise: EventLoopPromise<HTTPResponseSpec>
    var deadline: NIODeadline
}

/// Writes one request at a time and gathers its response; closes the connection (failing the
/// request) at the deadline, on a body over the limit, on an error or when the server closes.
final class HTTP1ExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = HTTP1Exchange
    typealias OutboundOut = HTTPClientRequestPart

    private let maxResponseBytes: Int
    private var pending: EventLoopPromise<HTTPResponseSpec>?
    private var timeout: Scheduled<Void>?
    private var status = 0
    private var headers: [NamedValue] = []
    private var body: ByteBuffer?

    init(maxResponseBytes: Int) {
        self.maxResponseBytes = maxResponseBytes
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        guard pending == nil, context.channel.isActive else {
            exchange.promise.fail(HTTPTransportError(.connection, ""))
            return
        }
        pending = exchange.promise
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timeout = context.eventLoop.scheduleTask(deadline: exchange.deadline) {
            let (handler, context) = loopBound.value
            handler.fail(HTTPTransportError(.timeout, ""), context: context)
        }
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        if let body = exchange.body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        context.write(wrapOutboundOut(.end(nil)), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            headers = head.headers.map { NamedValue($0.name, $0.value) }
            body = nil
        case .body(var part):
            guard (body?.readableBytes ?? 0) + part.readableBytes <= maxResponseBytes else {
                return fail(HTTPTransportError(.responseTooLarge, ""), context: context)
            }
            if body == nil { body = part } else { body?.writeBuffer(&part) }
        case .end:
            let response = HTTPResponseSpec(status: status, headers: headers, body: body.map { Array($0.readableBytesView) } ?? [])
            body = nil
            finish()?.succeed(response)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish()?.fail(HTTPTransportError(.connection, ""))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(HTTPTransportError(.connection, ""), context: context)
    }

    /// Fails the request in flight, if any, and closes the connection.
    private func fail(_ error: HTTPTransportError, context: ChannelHandlerContext) {
        finish()?.fail(error)
        context.close(promise: nil)
    }

    /// The request in flight, taken out, with its deadline cancelled.
    private func finish() -> EventLoopPromise<HTTPResponseSpec>? {
        timeout?.cancel()
        timeout = nil
        defer { pending = nil }
        return pending
    }
}
