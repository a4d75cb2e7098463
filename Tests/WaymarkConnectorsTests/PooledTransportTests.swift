import NIOPosix
import Testing
import WaymarkLoopback

@testable import WaymarkConnectors

/// `PooledHTTP1Transport`: connections kept per origin and event loop; a caller running on one of
/// its preferred executors sends on that loop's connections.
@Suite struct PooledTransportTests {
    @Test func aCallerOnAnEventLoopReusesThatLoopsConnection() async throws {
        let server = try await LoopbackFixedServer(response: .json(#"{"ok":true}"#)).start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let transport = PooledHTTP1Transport(eventLoopGroup: group)
        let executors = try #require(transport.preferredExecutors as? [EventLoopTaskExecutor])
        #expect(executors.count == 2)
        let url = server.baseURL + "/hook"
        for executor in executors {
            let loops = try await Task(executorPreference: executor) {
                var loops: [Bool] = []
                for _ in 0..<5 {
                    let response = try await transport.send(HTTPRequestSpec(method: .get, url: url), timeout: 10_000)
                    #expect(response.status == 200)
                    loops.append(executor.eventLoop.inEventLoop)
                }
                return loops
            }.value
            // Resumed on its loop after every answer.
            #expect(loops == Array(repeating: true, count: 5))
        }
        // Five requests one after the other from each loop: one connection per loop.
        #expect(server.requestCount == 10)
        #expect(server.connectionCount == 2)
        try await transport.shutdown()
        try await server.shutdown()
        try await group.shutdownGracefully()
    }
}
