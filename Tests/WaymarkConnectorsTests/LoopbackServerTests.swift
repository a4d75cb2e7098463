import Testing
import WaymarkConnectors
import WaymarkLoopback

@Suite struct LoopbackServerTests {
    @Test func servesManyRequestsOnKeptAliveConnections() async throws {
        let server = try await LoopbackServer { request in
            .json(#"{"path":"\#(request.path)","q":"\#(request.query("q") ?? "")","body":\#(request.body.count)}"#)
        }.start()
        #expect(server.port > 0)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        let transport = AsyncHTTPClientTransport()
        for index in 0..<200 {
            var spec = HTTPRequestSpec(method: .post, url: server.baseURL + "/echo", query: [NamedValue("q", "a b&\(index)")])
            spec.body = Array("hello".utf8)
            let response = try await transport.send(spec, timeout: 10_000)
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"path":"/echo","q":"a b&\#(index)","body":5}"#)
        }
        try await transport.shutdown()
        try await server.shutdown()
    }

    @Test func requestHelpersDecodeQueryAndForm() {
        let request = LoopbackRequest(
            method: "POST", uri: "/p/a?x=1&y=a%20b+c&empty", headers: [("Content-Type", "text/plain")],
            body: Array("name=J%C3%BCrg&flag".utf8))
        #expect(request.path == "/p/a")
        #expect(request.queryItems.map(\.name) == ["x", "y", "empty"])
        #expect(request.query("y") == "a b c")
        #expect(request.header("content-type") == "text/plain")
        #expect(request.formFields.map(\.value) == ["Jürg", ""])
    }

    @Test func shutdownEndsASlowHandler() async throws {
        let server = try await LoopbackServer { _ in
            try? await Task.sleep(for: .seconds(10))
            return .status(200)
        }.start()
        let transport = AsyncHTTPClientTransport()
        async let answer = try? transport.send(HTTPRequestSpec(method: .get, url: server.baseURL + "/"), timeout: 5_000)
        try await Task.sleep(for: .milliseconds(100))
        let clock = ContinuousClock()
        let start = clock.now
        try await server.shutdown()
        #expect(clock.now - start < .seconds(2))
        _ = await answer
        try await transport.shutdown()
    }

    @Test func shutdownClosesIdleKeptAliveConnections() async throws {
        let server = try await LoopbackServer { _ in .status(204) }.start()
        let transport = AsyncHTTPClientTransport()
        let response = try await transport.send(HTTPRequestSpec(method: .get, url: server.baseURL + "/"), timeout: 10_000)
        #expect(response.status == 204)
        let clock = ContinuousClock()
        let start = clock.now
        try await server.shutdown()
        #expect(clock.now - start < .seconds(2))
        await #expect(throws: HTTPTransportError.self) {
            _ = try await transport.send(HTTPRequestSpec(method: .get, url: server.baseURL + "/"), timeout: 500)
        }
        try await transport.shutdown()
    }
}
