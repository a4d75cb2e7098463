import Testing
import WaymarkConnectors
import WaymarkCore

@Suite struct SecretTests {
    private static let secrets = ["pw-secret", "key-secret", "cs-very-secret", "tk-issued-secret"]

    /// Everything a call leaves behind that people may read.
    private func visibleText(of result: ExternalCallResult, _ harness: Harness) -> String {
        [result.endpoint, result.errorCode, result.originError, result.originErrorCode, result.method]
            .compactMap { $0 }.joined(separator: " ") + "\(result.response)\n" + harness.logs.text
    }

    @Test(arguments: [
        Authentication.basic(username: "wm", password: "pw-secret"),
        .apiKey(name: "X-Api-Key", value: "key-secret", location: .header),
        .apiKey(name: "api_key", value: "key-secret", location: .query),
    ])
    func failingCallsShowNoSecret(authentication: Authentication) async throws {
        try await Harness.run(handler: { _ in .status(500) }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x", authentication: authentication)
            let result = await harness.executor.execute(Fixture.actionRequest(), configuration: configuration)
            #expect(result.errorKind == .http)
            #expect(harness.logs.all.count >= 2)  // retries and the final failure were logged
            let text = visibleText(of: result, harness)
            for secret in Self.secrets { #expect(!text.contains(secret)) }
        }
    }

    @Test func customTokenAndSecretFieldsNeverShow() async throws {
        try await Harness.run(handler: { request in
            switch request.path {
            case "/token": .json(#"{"access_token":"tk-issued-secret"}"#)
            default: .status(503)
            }
        }) { harness in
            let auth = CustomAuthentication(
                endpoint: harness.baseURL + "/token", method: .get,
                body: [AuthenticationField(name: "client_secret", value: "cs-very-secret", secret: true)],
                tokenPath: "access_token", tokenUse: .query("token"))
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x", authentication: .custom(auth))
            let result = await harness.executor.execute(Fixture.actionRequest(), configuration: configuration)
            #expect(result.errorKind == .http)
            #expect(harness.recorder.on("/x").first?.query("token") == "tk-issued-secret")
            let text = visibleText(of: result, harness)
            #expect(text.contains("token=<redacted>"))
            for secret in Self.secrets { #expect(!text.contains(secret)) }
        }
    }

    @Test func refusedTokenRequestShowsNoSecret() async throws {
        try await Harness.run(handler: { _ in .status(401) }) { harness in
            let auth = CustomAuthentication(
                endpoint: harness.baseURL + "/token", method: .get,
                body: [AuthenticationField(name: "client_secret", value: "cs-very-secret", secret: true)])
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x", authentication: .custom(auth))
            let result = await harness.executor.execute(Fixture.actionRequest(), configuration: configuration)
            #expect(result.errorCode == "authentication")
            let text = visibleText(of: result, harness)
            #expect(text.contains("client_secret=<redacted>"))
            for secret in Self.secrets { #expect(!text.contains(secret)) }
        }
    }
}
