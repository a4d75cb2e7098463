import Testing
import WaymarkCore

@testable import WaymarkConnectors

@Suite struct RequestBuilderTests {
    private let action = CustomAction(
        url: "https://api.example.com/v1/coupons/", dynamicPath: true, method: .post,
        headers: [.constant("X-Source", .string("waymark")), .variable("X-Correlation-Id", .string)],
        queryParameters: [.constant("campaign", .string("cart abandonment")), .constant("limit", .int(5))])

    @Test func actionRequestCarriesEverything() {
        let request = Fixture.actionRequest(
            id: "inst-9/node-3/2", payload: Fixture.json(#"{"email":"a@b.c","cart":{"id":"c1"}}"#),
            dynamicPath: "/customers/a b", headers: ["X-Correlation-Id": "evt-1"], query: ["lang": "fr&en"])
        let spec = RequestBuilder.action(action, for: request)
        #expect(spec.method == .post)
        #expect(spec.url == "https://api.example.com/v1/coupons/customers/a%20b")
        #expect(spec.fullURL == "https://api.example.com/v1/coupons/customers/a%20b?campaign=cart%20abandonment&limit=5&lang=fr%26en")
        #expect(spec.header("x-source") == "waymark")
        #expect(spec.header("X-Correlation-Id") == "evt-1")
        #expect(spec.header("Idempotency-Key") == "inst-9/node-3/2")
        #expect(spec.header("Content-Type") == "application/json")
        #expect(spec.body.map { String(decoding: $0, as: UTF8.self) } == #"{"email":"a@b.c","cart":{"id":"c1"}}"#)
    }

    @Test func requestValuesOverrideConstants() {
        let request = Fixture.actionRequest(headers: ["X-Source": "journey"], query: ["campaign": "spring"])
        let spec = RequestBuilder.action(action, for: request)
        #expect(spec.headers.filter { $0.name == "X-Source" }.map(\.value) == ["journey"])
        #expect(spec.query.filter { $0.name == "campaign" }.map(\.value) == ["spring"])
    }

    @Test func getActionHasNoBodyButAnIdempotencyKey() {
        var get = action
        get.method = .get
        let spec = RequestBuilder.action(get, for: Fixture.actionRequest(payload: Fixture.json(#"{"a":1}"#)))
        #expect(spec.body == nil)
        #expect(spec.header("Content-Type") == nil)
        #expect(spec.header("Idempotency-Key") == "inst-1/node-1/0")
    }

    @Test func nullPayloadIsAnEmptyObject() {
        let spec = RequestBuilder.action(action, for: Fixture.actionRequest(payload: .null))
        #expect(spec.body == Array("{}".utf8))
    }

    @Test(arguments: [
        ("https://h/a", "b", "https://h/a/b"),
        ("https://h/a/", "/b", "https://h/a/b"),
        ("https://h/a//", "//b/c", "https://h/a/b/c"),
        ("https://h/a", "", "https://h/a"),
        ("https://h/a?x=1", "b", "https://h/a/b?x=1"),
    ])
    func dynamicPathJoinsWithOneSlash(base: String, path: String, expected: String) {
        #expect(URLText.joiningPath(base, path) == expected)
    }

    @Test func actionsToReplacesTheHost() {
        let spec = RequestBuilder.action(
            action, for: Fixture.actionRequest(dynamicPath: "c1"), actionsTo: "http://127.0.0.1:8080/")
        #expect(spec.url == "http://127.0.0.1:8080/v1/coupons/c1")
        #expect(spec.origin == "http://127.0.0.1:8080")
    }

    @Test func getFieldGroupSendsParametersAsQuery() {
        let group = FieldGroup(name: "Membership", method: .get, path: "/members")
        let spec = RequestBuilder.fieldGroup(
            group, baseURL: "https://loyalty.example.com/api/", parameters: ["memberId": .string("m 1"), "active": .bool(true)])
        #expect(spec.method == .get)
        #expect(spec.fullURL == "https://loyalty.example.com/api/members?active=true&memberId=m%201")
        #expect(spec.body == nil)
        #expect(spec.header("Idempotency-Key") == nil)
    }

    @Test func postFieldGroupSendsParametersAsJSON() {
        let group = FieldGroup(name: "Offers", method: .post, path: "offers")
        let spec = RequestBuilder.fieldGroup(
            group, baseURL: "https://loyalty.example.com", parameters: ["memberId": .string("m1"), "count": .int(3)])
        #expect(spec.fullURL == "https://loyalty.example.com/offers")
        #expect(spec.body == Array(#"{"count":3,"memberId":"m1"}"#.utf8))
        #expect(spec.header("Content-Type") == "application/json")
    }

    @Test func secretQueryValuesAreRedacted() {
        var spec = HTTPRequestSpec(method: .get, url: "https://h/x?a=1")
        spec.setQueryItem("q", "open")
        spec.setQueryItem("api_key", "s3cret", isSecret: true)
        #expect(spec.fullURL == "https://h/x?a=1&q=open&api_key=s3cret")
        #expect(spec.redactedURL == "https://h/x?a=1&q=open&api_key=<redacted>")
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080/a", "http://127.0.0.1:8080"),
        ("https://Api.Example.com/v1?x=1", "https://api.example.com:443"),
        ("http://user:pw@host/a", "http://host:80"),
        ("https://host", "https://host:443"),
        ("HTTP://[::1]/a", "http://[::1]:80"),
        ("http://[::1]:9000/a", "http://[::1]:9000"),
        ("http://a@b:pw@Host:81#x", "http://host:81"),
    ])
    func originSpellsOutThePort(url: String, origin: String) {
        #expect(URLText.origin(of: url) == origin)
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080/a/b?x=1#frag", "127.0.0.1", 8080, "/a/b?x=1", "127.0.0.1:8080"),
        ("HTTP://Host", "Host", 80, "/", "Host:80"),
        ("http://h?q=1", "h", 80, "/?q=1", "h:80"),
        ("http://user:pw@h:81/p", "h", 81, "/p", "h:81"),
        ("http://[::1]:9000/p", "::1", 9000, "/p", "::1:9000"),
        ("http://[::1]/p", "::1", 80, "/p", "::1:80"),
    ])
    func plainTargetsAreRead(url: String, host: String, port: Int, pathAndQuery: String, origin: String) throws {
        let target = try #require(PlainHTTPTarget(url))
        #expect(target.host == host)
        #expect(target.port == port)
        #expect(target.pathAndQuery == pathAndQuery)
        #expect(target.origin == origin)
    }

    @Test(arguments: ["https://h/a", "http://", "http:///a", "http://h:0/a", "http://h:70000/", "http://h:x/", "ftp://h/"])
    func nonPlainTargetsAreRefused(url: String) {
        #expect(PlainHTTPTarget(url) == nil)
    }
}
