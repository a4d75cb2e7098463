import Testing
import WaymarkCore

@testable import WaymarkConnectors

@Suite struct LRUCacheTests {
    @Test func dropsTheLeastRecentlyUsed() {
        var cache = LRUCache<String, Int>(capacity: 2)
        cache.insert(1, for: "a")
        cache.insert(2, for: "b")
        #expect(cache.value(for: "a") == 1)  // "b" is now the oldest
        cache.insert(3, for: "c")
        #expect(cache.value(for: "b") == nil)
        #expect(cache.value(for: "a") == 1)
        #expect(cache.value(for: "c") == 3)
        #expect(cache.count == 2)
    }

    @Test func replacesAValue() {
        var cache = LRUCache<String, Int>(capacity: 2)
        cache.insert(1, for: "a")
        cache.insert(2, for: "a")
        #expect(cache.value(for: "a") == 2)
        #expect(cache.count == 1)
    }

    @Test func responseCacheExpires() {
        let cache = ResponseCache(capacity: 10)
        let key = ResponseCache.Key(dataSource: "D", fieldGroup: "G", parameters: ["id": .string("1")])
        cache.insert(.int(1), for: key, expiresAt: 1_000)
        #expect(cache.value(for: key, now: 999) == .int(1))
        #expect(cache.value(for: key, now: 1_000) == nil)
        #expect(cache.value(for: ResponseCache.Key(dataSource: "D", fieldGroup: "G", parameters: [:]), now: 0) == nil)
    }
}

@Suite struct TokenParsingTests {
    private let now: Int64 = 1_800_000_000_000

    @Test func tokenAtAPathWithExpiryInSeconds() {
        let auth = CustomAuthentication(endpoint: "https://a/t", tokenPath: "data.access_token", cache: .responseExpiry(path: "data.expires_in"))
        let token = TokenResponse.token(in: Array(#"{"data":{"access_token":"tk","expires_in":120}}"#.utf8), for: auth, now: now)
        #expect(token == AccessToken(value: "tk", expiresAt: now + 120_000))
    }

    @Test func expiryAsAnISODateTime() {
        let auth = CustomAuthentication(endpoint: "https://a/t", tokenPath: "t", cache: .responseExpiry(path: "exp"))
        let token = TokenResponse.token(in: Array(#"{"t":"tk","exp":"2027-01-15T08:00:00Z"}"#.utf8), for: auth, now: now)
        #expect(token?.expiresAt == ZonedDateTime(iso8601: "2027-01-15T08:00:00Z")?.epochMilliseconds)
    }

    @Test func missingExpiryDefaultsToAnHour() {
        let auth = CustomAuthentication(endpoint: "https://a/t", tokenPath: "t", cache: .responseExpiry(path: "exp"))
        #expect(TokenResponse.token(in: Array(#"{"t":"tk"}"#.utf8), for: auth, now: now)?.expiresAt == now + 3_600_000)
    }

    @Test func wholeBodyIsTheToken() {
        let auth = CustomAuthentication(endpoint: "https://a/t", cache: .duration(.minutes(30)))
        #expect(TokenResponse.token(in: Array("  raw-token\n".utf8), for: auth, now: now) == AccessToken(value: "raw-token", expiresAt: now + 1_800_000))
        #expect(TokenResponse.token(in: Array(#""quoted""#.utf8), for: auth, now: now)?.value == "quoted")
        #expect(TokenResponse.token(in: [], for: auth, now: now) == nil)
    }

    @Test func noTokenAtThePath() {
        let auth = CustomAuthentication(endpoint: "https://a/t", tokenPath: "access_token")
        #expect(TokenResponse.token(in: Array(#"{"error":"x"}"#.utf8), for: auth, now: now) == nil)
    }

    @Test func fieldValuesAreEvaluatedWhenTheyAreExpressions() {
        #expect(AuthenticationValue.resolve(#"encodeBase64("id:secret")"#, now: now) == "aWQ6c2VjcmV0")
        #expect(AuthenticationValue.resolve(#""quoted""#, now: now) == "quoted")
        #expect(AuthenticationValue.resolve("plain-client-id", now: now) == "plain-client-id")
        #expect(AuthenticationValue.resolve("0123", now: now) == "0123")
        #expect(AuthenticationValue.resolve("s3cr3t value!", now: now) == "s3cr3t value!")
    }

    @Test func retryDelaysDoubleWithinTheirJitter() {
        let policy = RetryPolicy()
        for retry in 1...3 {
            let nominal = Double(100 << (retry - 1))
            let delay = Double(policy.delay(beforeRetry: retry))
            #expect(delay >= nominal * 0.8 && delay <= nominal * 1.2)
        }
    }
}
