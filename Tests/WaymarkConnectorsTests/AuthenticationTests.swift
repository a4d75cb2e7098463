import Foundation
import Testing
import WaymarkConnectors
import WaymarkCore
import WaymarkEngine
import WaymarkLoopback

/// A token endpoint at `/token` issuing `tk-1`, `tk-2`, … and a target at `/api` that accepts
/// the bearer token `accepted` decides on (by default: any).
private final class TokenServer: Sendable {
    let issued = Counter()
    let body: @Sendable (String) -> String
    let accepts: @Sendable (LoopbackRequest) -> Bool

    init(
        body: @escaping @Sendable (String) -> String = { #"{"access_token":"\#($0)","expires_in":3600}"# },
        accepts: @escaping @Sendable (LoopbackRequest) -> Bool = { _ in true }
    ) {
        self.body = body
        self.accepts = accepts
    }

    var handler: LoopbackServer.Handler {
        { request in
            if request.path == "/token" {
                try? await Task.sleep(for: .milliseconds(30))  // long enough for concurrent calls to overlap
                return .json(self.body("tk-\(self.issued.next())"))
            }
            return self.accepts(request) ? .json(#"{"ok":true}"#) : .status(401)
        }
    }
}

@Suite struct AuthenticationTests {
    private func call(_ harness: Harness, _ authentication: Authentication, timeout: Int64 = 10_000) async -> ExternalCallResult {
        let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/api", authentication: authentication)
        return await harness.executor.execute(Fixture.actionRequest(timeout: timeout), configuration: configuration)
    }

    private func custom(_ harness: Harness, _ configure: (inout CustomAuthentication) -> Void = { _ in }) -> Authentication {
        var auth = CustomAuthentication(
            endpoint: harness.baseURL + "/token",
            body: [AuthenticationField(name: "client_id", value: "waymark"),
                   AuthenticationField(name: "client_secret", value: "cs-very-secret", secret: true)],
            tokenPath: "access_token")
        configure(&auth)
        return .custom(auth)
    }

    @Test func basic() async throws {
        try await Harness.run(handler: { _ in .json("{}") }) { harness in
            let result = await call(harness, .basic(username: "wm", password: "pw-secret"))
            #expect(result.succeeded)
            let expected = "Basic " + Data("wm:pw-secret".utf8).base64EncodedString()
            #expect(harness.recorder.on("/api").first?.header("authorization") == expected)
        }
    }

    @Test func apiKeyInHeader() async throws {
        try await Harness.run(handler: { _ in .json("{}") }) { harness in
            let result = await call(harness, .apiKey(name: "X-Api-Key", value: "key-secret", location: .header))
            #expect(result.succeeded)
            #expect(harness.recorder.on("/api").first?.header("x-api-key") == "key-secret")
        }
    }

    @Test func apiKeyInQueryIsRedactedFromTheResult() async throws {
        try await Harness.run(handler: { _ in .json("{}") }) { harness in
            let result = await call(harness, .apiKey(name: "api_key", value: "key-secret", location: .query))
            #expect(result.succeeded)
            #expect(harness.recorder.on("/api").first?.query("api_key") == "key-secret")
            #expect(result.endpoint == harness.baseURL + "/api?api_key=<redacted>")
        }
    }

    @Test func customFormTokenAtAPathAsBearer() async throws {
        let tokens = TokenServer()
        try await Harness.run(handler: tokens.handler) { harness in
            let result = await call(harness, custom(harness))
            #expect(result.succeeded)
            let tokenRequest = try #require(harness.recorder.on("/token").first)
            #expect(tokenRequest.method == "POST")
            #expect(tokenRequest.header("content-type") == "application/x-www-form-urlencoded")
            #expect(tokenRequest.formFields.map(\.name) == ["client_id", "client_secret"])
            #expect(tokenRequest.formFields.map(\.value) == ["waymark", "cs-very-secret"])
            #expect(harness.recorder.on("/api").first?.header("authorization") == "Bearer tk-1")
        }
    }

    @Test func customJSONBodyWholeResponseAsAHeader() async throws {
        let tokens = TokenServer(body: { $0 })
        try await Harness.run(handler: tokens.handler) { harness in
            let auth = custom(harness) { auth in
                auth.bodyKind = .json
                auth.body.append(AuthenticationField(name: "basic", value: #"encodeBase64("id:pw")"#))
                auth.tokenPath = nil
                auth.tokenUse = .header("X-Token")
            }
            let result = await call(harness, auth)
            #expect(result.succeeded)
            let tokenRequest = try #require(harness.recorder.on("/token").first)
            #expect(tokenRequest.header("content-type") == "application/json")
            #expect(tokenRequest.bodyText == #"{"client_id":"waymark","client_secret":"cs-very-secret","basic":"aWQ6cHc="}"#)
            #expect(harness.recorder.on("/api").first?.header("x-token") == "tk-1")
        }
    }

    @Test func customGetTokenAsAQueryParameter() async throws {
        let tokens = TokenServer()
        try await Harness.run(handler: tokens.handler) { harness in
            let auth = custom(harness) { auth in
                auth.method = .get
                auth.tokenUse = .query("token")
            }
            let result = await call(harness, auth)
            #expect(result.succeeded)
            let tokenRequest = try #require(harness.recorder.on("/token").first)
            #expect(tokenRequest.method == "GET")
            #expect(tokenRequest.query("client_secret") == "cs-very-secret")
            #expect(harness.recorder.on("/api").first?.query("token") == "tk-1")
            #expect(result.endpoint == harness.baseURL + "/api?token=<redacted>")
        }
    }

    @Test func tokenIsCachedAndFetchedOnceForConcurrentCalls() async throws {
        let tokens = TokenServer()
        try await Harness.run(handler: tokens.handler) { harness in
            let auth = custom(harness)
            let results = await withTaskGroup(of: ExternalCallResult.self) { group in
                for _ in 0..<10 { group.addTask { await call(harness, auth) } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0.succeeded })
            #expect(await call(harness, auth).succeeded)
            #expect(harness.recorder.count("/token") == 1)
            #expect(harness.recorder.on("/api").allSatisfy { $0.header("authorization") == "Bearer tk-1" })
            #expect(harness.recorder.count("/api") == 11)
        }
    }

    @Test func expiryFromTheResponseIsHonoured() async throws {
        let tokens = TokenServer(body: { #"{"access_token":"\#($0)","expires_in":60}"# })
        let clock = VirtualClock(now: 1_800_000_000_000)
        try await Harness.run(clock: clock, handler: tokens.handler) { harness in
            let auth = custom(harness) { $0.cache = .responseExpiry(path: "expires_in") }
            #expect(await call(harness, auth).succeeded)
            clock.advance(to: 1_800_000_059_000)
            #expect(await call(harness, auth).succeeded)
            #expect(harness.recorder.count("/token") == 1)
            clock.advance(to: 1_800_000_061_000)
            #expect(await call(harness, auth).succeeded)
            #expect(harness.recorder.count("/token") == 2)
            #expect(harness.recorder.on("/api").map { $0.header("authorization") } == ["Bearer tk-1", "Bearer tk-1", "Bearer tk-2"])
        }
    }

    @Test func refusedTokenIsRefreshedOnceAndTheCallRepeated() async throws {
        let tokens = TokenServer(accepts: { $0.header("authorization") != "Bearer tk-1" })
        try await Harness.run(handler: tokens.handler) { harness in
            let result = await call(harness, custom(harness))
            #expect(result.succeeded)
            #expect(result.originError == "http")
            #expect(result.originErrorCode == "401")
            #expect(harness.recorder.count("/token") == 2)
            #expect(harness.recorder.on("/api").map { $0.header("authorization") } == ["Bearer tk-1", "Bearer tk-2"])
        }
    }

    @Test func aSecond401IsFinal() async throws {
        let tokens = TokenServer(accepts: { _ in false })
        try await Harness.run(handler: tokens.handler) { harness in
            let result = await call(harness, custom(harness))
            #expect(result.errorKind == .http)
            #expect(result.errorCode == "401")
            #expect(harness.recorder.count("/token") == 2)
            #expect(harness.recorder.count("/api") == 2)
        }
    }

    @Test func tokenEndpointFailureIsAnAuthenticationError() async throws {
        try await Harness.run(handler: { request in request.path == "/token" ? .status(400) : .json("{}") }) { harness in
            let result = await call(harness, custom(harness))
            #expect(result.errorKind == .internal)
            #expect(result.errorCode == "authentication")
            #expect(harness.recorder.count("/api") == 0)
        }
    }
}
