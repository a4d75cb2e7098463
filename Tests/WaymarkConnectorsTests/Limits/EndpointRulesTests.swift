import Testing
import WaymarkCore
import WaymarkConnectors

@Suite struct EndpointRulesTests {
    private static func decode(_ json: String) throws(ConfigDecodingError) -> EndpointRules {
        try EndpointRules(json: Array(json.utf8))
    }

    /// Expects `json` to be refused with `path` and a message containing `message`.
    private static func expectRefused(_ json: String, path: String, message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: ConfigDecodingError.self, sourceLocation: sourceLocation) { try decode(json) }
        #expect(error?.path == path, sourceLocation: sourceLocation)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test func decodesRulesWithPeriodsInISOOrMillisecondsAndMethodsOptional() throws {
        let rules = try Self.decode(
            """
            [{"name": "crm", "urlPattern": "https://crm.example.com/*", "methods": ["POST", "PUT"],
              "cap": {"calls": 1000, "period": "PT1M"}, "throttle": {"perSecond": 200}},
             {"name": "geo", "urlPattern": "https://geo.example.com/", "cap": {"calls": 5, "period": 1500}},
             {"name": "free", "urlPattern": "https://free.example.com/"}]
            """)
        #expect(
            rules.rules == [
                EndpointRule(
                    name: "crm", urlPattern: "https://crm.example.com/*", methods: [.post, .put],
                    cap: .init(calls: 1_000, period: .minutes(1)), throttle: .init(perSecond: 200)),
                EndpointRule(
                    name: "geo", urlPattern: "https://geo.example.com/", cap: .init(calls: 5, period: ISODuration(milliseconds: 1_500))),
                EndpointRule(name: "free", urlPattern: "https://free.example.com/"),
            ])
        let encoded = try ConfigCoder.encode(rules)
        #expect(try EndpointRules(json: Array(encoded)) == rules)
        #expect(try Self.decode("[]") == .none)
    }

    @Test func errorsNameTheRuleAndTheField() {
        Self.expectRefused(
            #"[{"name": "a", "urlPattern": "https://a/"}, {"name": "b", "urlPattern": "https://b/", "throttle": {"perSecond": 0}}]"#,
            path: "[1].throttle.perSecond", message: "must be 1 to 5000 calls per second, found 0")
        Self.expectRefused(
            #"[{"name": "a", "urlPattern": "https://a/", "throttle": {"perSecond": -3}}]"#, path: "[0].throttle.perSecond",
            message: "found -3")
        Self.expectRefused(
            #"[{"name": "a", "urlPattern": "https://a/", "throttle": {"perSecond": 5001}}]"#, path: "[0].throttle.perSecond",
            message: "found 5001")
        Self.expectRefused(
            #"[{"name": "a", "urlPattern": "https://a/", "cap": {"calls": 0, "period": "PT1M"}}]"#, path: "[0].cap.calls",
            message: "must be at least 1")
        Self.expectRefused(
            #"[{"name": "a", "urlPattern": "https://a/", "cap": {"calls": 3, "period": "PT0S"}}]"#, path: "[0].cap.period",
            message: "at least one millisecond")
        Self.expectRefused(
            #"[{"name": "a", "urlPattern": "https://a/", "cap": {"calls": 3, "period": "soon"}}]"#, path: "[0].cap.period",
            message: "expected an ISO-8601 duration such as PT1M or a number of milliseconds")
        Self.expectRefused(
            #"[{"name": "a", "urlPattern": "https://a/", "cap": {"calls": 3}}]"#, path: "[0].cap.period",
            message: "required setting is missing")
        Self.expectRefused(#"[{"name": "a"}]"#, path: "[0].urlPattern", message: "required setting is missing")
        Self.expectRefused(#"[{"name": "", "urlPattern": "https://a/"}]"#, path: "[0].name", message: "must not be empty")
        Self.expectRefused(#"[{"name": "a", "urlPattern": ""}]"#, path: "[0].urlPattern", message: "must not be empty")
        Self.expectRefused(#"[{"name": "a", "urlPattern": "https://a/ b"}]"#, path: "[0].urlPattern", message: "spaces")
        Self.expectRefused(
            #"[{"name": "a", "urlPattern": "https://a/", "methods": ["PATCH"]}]"#, path: "[0].methods[0]", message: "PATCH")
        Self.expectRefused(
            #"[{"name": "a", "urlPattern": "https://a/"}, {"name": "a", "urlPattern": "https://b/"}]"#, path: "[1].name",
            message: "\"a\" is already the name of rule [0]")
        Self.expectRefused(#"{"name": "a"}"#, path: "", message: "expected a list")
    }

    @Test func rulesBuiltInCodeAreValidatedAlike() {
        let error = #expect(throws: ConfigDecodingError.self) {
            try EndpointRules([
                EndpointRule(name: "ok", urlPattern: "https://a/"),
                EndpointRule(name: "slow", urlPattern: "https://b/", cap: .init(calls: -1, period: .seconds(1))),
            ])
        }
        #expect(error?.description == "[1].cap.calls: must be at least 1, found -1")
    }
}
