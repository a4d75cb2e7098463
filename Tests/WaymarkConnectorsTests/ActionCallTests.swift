import Synchronization
import Testing
import WaymarkConnectors
import WaymarkCore
import WaymarkLoopback

@Suite struct ActionCallTests {
    @Test func successCarriesPayloadHeadersQueryPathAndIdempotencyKey() async throws {
        try await Harness.run(handler: { _ in .json(#"{"couponCode":"SAVE15"}"#) }) { harness in
            let configuration = Fixture.actionConfiguration(
                url: harness.baseURL + "/v1/coupons", dynamicPath: true,
                headers: [.constant("X-Source", .string("waymark")), .variable("X-Correlation-Id", .string)],
                query: [.constant("campaign", .string("cart abandonment"))])
            let request = Fixture.actionRequest(
                id: "inst-7/send/0", payload: Fixture.json(#"{"email":"a@b.c","amount":15}"#), dynamicPath: "/c-42",
                headers: ["X-Correlation-Id": "evt-1"], query: ["lang": "fr"])
            let result = await harness.executor.execute(request, configuration: configuration)

            #expect(result.succeeded)
            #expect(result.status == 200)
            #expect(result.response == Fixture.json(#"{"couponCode":"SAVE15"}"#))
            #expect(result.method == "POST")
            #expect(result.endpoint == harness.baseURL + "/v1/coupons/c-42?campaign=cart%20abandonment&lang=fr")
            #expect(result.callCount == 1)
            #expect(result.originStartTime != nil)
            #expect((result.originTime ?? -1) >= 0 && (result.originTime ?? 0) <= result.executionTime)
            #expect(result.originError == nil)

            let received = try #require(harness.recorder.all.first)
            #expect(received.method == "POST")
            #expect(received.path == "/v1/coupons/c-42")
            #expect(received.query("campaign") == "cart abandonment")
            #expect(received.query("lang") == "fr")
            #expect(received.header("idempotency-key") == "inst-7/send/0")
            #expect(received.header("x-source") == "waymark")
            #expect(received.header("x-correlation-id") == "evt-1")
            #expect(received.header("content-type") == "application/json")
            #expect(received.bodyText == #"{"email":"a@b.c","amount":15}"#)
        }
    }

    @Test func getActionSendsNoBody() async throws {
        try await Harness.run(handler: { _ in .status(204) }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/ping", method: .get)
            let result = await harness.executor.execute(Fixture.actionRequest(), configuration: configuration)
            #expect(result.succeeded)
            #expect(result.status == 204)
            #expect(result.response == .object(OrderedFields()))
            let received = try #require(harness.recorder.all.first)
            #expect(received.method == "GET")
            #expect(received.body.isEmpty)
            #expect(received.header("idempotency-key") == "inst-1/node-1/0")
        }
    }

    /// 401, 403 and 404 are final at once; other failures are retried 3 times, then fail with the status.
    @Test(arguments: [(401, 1), (403, 1), (404, 1), (400, 4), (429, 4), (500, 4), (503, 4)])
    func failingStatusesAndTheirRetries(status: Int, attempts: Int) async throws {
        try await Harness.run(handler: { _ in .status(status) }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x")
            let result = await harness.executor.execute(Fixture.actionRequest(), configuration: configuration)
            #expect(result.errorKind == .http)
            #expect(result.errorCode == String(status))
            #expect(result.status == status)
            #expect(result.originError == (attempts > 1 ? "http" : nil))
            #expect(result.originErrorCode == (attempts > 1 ? String(status) : nil))
            #expect(harness.recorder.count("/x") == attempts)
        }
    }

    @Test func serverErrorThenSuccess() async throws {
        let hits = Counter()
        try await Harness.run(handler: { _ in
            hits.next() <= 2 ? .status(502) : .json(#"{"ok":true}"#)
        }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x")
            let result = await harness.executor.execute(Fixture.actionRequest(), configuration: configuration)
            #expect(result.succeeded)
            #expect(result.response == Fixture.json(#"{"ok":true}"#))
            #expect(result.originError == "http")
            #expect(result.originErrorCode == "502")
            #expect(harness.recorder.count("/x") == 3)
        }
    }

    @Test func slowEndpointTimesOutWithinTheTimeout() async throws {
        try await Harness.run(handler: { _ in
            try? await Task.sleep(for: .seconds(10))
            return .status(200)
        }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/slow")
            let clock = ContinuousClock()
            let start = clock.now
            let result = await harness.executor.execute(Fixture.actionRequest(timeout: 300), configuration: configuration)
            let elapsed = clock.now - start
            #expect(result.errorKind == .timeout)
            #expect(result.errorCode == "timeout")
            #expect(result.status == nil)
            // Cut at the timeout, far before the answer (a loose bound: the machine may be busy).
            #expect(elapsed >= .milliseconds(280) && elapsed < .seconds(5))
            #expect(result.executionTime >= 280)
        }
    }

    /// The slow call answers only once the fast one, made after it, has its answer.
    @Test func slowEndpointDoesNotDelayAFastOne() async throws {
        let fastDone = Atomic<Bool>(false)
        try await Harness.run(handler: { request in
            if request.path == "/slow" {
                for _ in 0..<500 where !fastDone.load(ordering: .relaxed) { try? await Task.sleep(for: .milliseconds(10)) }
            }
            return .json("{}")
        }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL, dynamicPath: true)
            let executor = harness.executor
            async let slow = executor.execute(Fixture.actionRequest(dynamicPath: "slow", timeout: 10_000), configuration: configuration)
            try await Task.sleep(for: .milliseconds(50))
            let fast = await executor.execute(Fixture.actionRequest(dynamicPath: "fast", timeout: 3_000), configuration: configuration)
            fastDone.store(true, ordering: .relaxed)
            #expect(fast.succeeded, "the fast call is answered while the slow one waits")
            #expect(await slow.succeeded)
        }
    }

    @Test func malformedResponseIsAnInternalError() async throws {
        try await Harness.run(handler: { _ in .text("<html>oops</html>") }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x")
            let result = await harness.executor.execute(Fixture.actionRequest(), configuration: configuration)
            #expect(result.errorKind == .internal)
            #expect(result.errorCode == "malformedResponse")
            #expect(result.status == 200)
            #expect(harness.recorder.count("/x") == 1)
            #expect(harness.logs.text.contains("malformed response from \(harness.baseURL)/x"))
        }
    }

    @Test func oversizedBodyIsAnError() async throws {
        let big = "[" + Array(repeating: "1", count: 3_000).joined(separator: ",") + "]"
        try await Harness.run(maxResponseBytes: 1_024, handler: { _ in .json(big) }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/big")
            let result = await harness.executor.execute(Fixture.actionRequest(), configuration: configuration)
            #expect(result.errorKind == .internal)
            #expect(result.errorCode == "responseTooLarge")
        }
    }

    @Test func refusedConnectionIsAnInternalErrorRetried() async throws {
        let closed = try await LoopbackServer { _ in .status(200) }.start()
        let url = closed.baseURL + "/gone"
        try await closed.shutdown()
        try await Harness.run(handler: { _ in .status(200) }) { harness in
            let result = await harness.executor.execute(
                Fixture.actionRequest(), configuration: Fixture.actionConfiguration(url: url))
            #expect(result.errorKind == .internal)
            #expect(result.errorCode == "connection")
            #expect(result.originError == "error")
            #expect(result.originErrorCode == "connection")
        }
    }

    @Test func actionsToSendsEveryActionToOneBaseURL() async throws {
        try await Harness.run(handler: { _ in .json("{}") }) { harness in
            var settings = Harness.quickRetries
            settings.actionsTo = harness.baseURL
            let executor = HTTPCallExecutor(transport: harness.transport, settings: settings)
            let configuration = Fixture.actionConfiguration(url: "https://promotions.invalid/v1/coupons?src=wm", dynamicPath: true)
            let request = Fixture.actionRequest(dynamicPath: "c-1")
            #expect(executor.endpoint(of: request, configuration: configuration) == harness.baseURL)
            let result = await executor.execute(request, configuration: configuration)
            #expect(result.succeeded)
            let received = try #require(harness.recorder.all.first)
            #expect(received.path == "/v1/coupons/c-1")
            #expect(received.query("src") == "wm")
        }
    }

    @Test func unknownActionFailsWithoutACall() async throws {
        try await Harness.run(handler: { _ in .status(200) }) { harness in
            let result = await harness.executor.execute(Fixture.actionRequest(), configuration: Configuration())
            #expect(result.errorKind == .internal)
            #expect(result.errorCode == "unknownAction")
            #expect(harness.recorder.all.isEmpty)
        }
    }
}
