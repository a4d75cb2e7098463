import Testing
import WaymarkCore
import WaymarkConnectors

@Suite struct RuleMatchingTests {
    private static func gate(_ rules: [EndpointRule]) throws -> EndpointGate {
        EndpointGate(rules: try EndpointRules(rules))
    }

    @Test func theMostSpecificMatchingRuleApplies() throws {
        let gate = try Self.gate([
            EndpointRule(name: "api", urlPattern: "https://api.example.com/*"),
            EndpointRule(name: "orders", urlPattern: "https://api.example.com/v1/orders"),
            EndpointRule(name: "any-subdomain", urlPattern: "https://*.example.com/v1/customers"),
        ])
        #expect(gate.rule(for: .get, url: "https://api.example.com/v1/orders/42")?.name == "orders")
        #expect(gate.rule(for: .get, url: "https://api.example.com/v1/customers")?.name == "any-subdomain")
        #expect(gate.rule(for: .get, url: "https://api.example.com/v2/customers")?.name == "api")
        #expect(gate.rule(for: .get, url: "https://eu.example.com/v1/customers/7")?.name == "any-subdomain")
        #expect(gate.rule(for: .get, url: "https://eu.example.com/v1/orders") == nil)
        #expect(gate.rule(for: .get, url: "http://api.example.com/v1/orders") == nil)
    }

    @Test func globsMatchAnyRunOfCharactersAndPrefixes() throws {
        let gate = try Self.gate([
            EndpointRule(name: "middle", urlPattern: "https://*.example.com/*/orders"),
            EndpointRule(name: "everything", urlPattern: "*"),
        ])
        #expect(gate.rule(for: .post, url: "https://eu.example.com/v1/orders?page=2")?.name == "middle")
        #expect(gate.rule(for: .post, url: "https://a.b.example.com/x/y/orders")?.name == "middle")
        #expect(gate.rule(for: .post, url: "https://example.com/v1/orders")?.name == "everything")
        #expect(gate.rule(for: .post, url: "https://eu.example.com/v1/order")?.name == "everything")
    }

    @Test func methodsFilterRulesAndAFilteredRuleWinsATie() throws {
        let gate = try Self.gate([
            EndpointRule(name: "all", urlPattern: "https://api.example.com/"),
            EndpointRule(name: "writes", urlPattern: "https://api.example.com/", methods: [.post, .put]),
            EndpointRule(name: "reads", urlPattern: "https://api.example.com/v1", methods: [.get]),
        ])
        #expect(gate.rule(for: .post, url: "https://api.example.com/v1/x")?.name == "writes")
        #expect(gate.rule(for: .put, url: "https://api.example.com/v2/x")?.name == "writes")
        #expect(gate.rule(for: .get, url: "https://api.example.com/v1/x")?.name == "reads")
        #expect(gate.rule(for: .get, url: "https://api.example.com/v2/x")?.name == "all")
    }

    @Test func amongEquallySpecificRulesTheFirstWrittenApplies() throws {
        let gate = try Self.gate([
            EndpointRule(name: "first", urlPattern: "https://*.example.com/"),
            EndpointRule(name: "second", urlPattern: "https://api.example.*/"),
        ])
        #expect(gate.rule(for: .get, url: "https://api.example.com/")?.name == "first")
    }

    @Test func nonASCIIURLsMatchByteForByte() throws {
        let gate = try Self.gate([EndpointRule(name: "café", urlPattern: "https://café.example/*/menü")])
        #expect(gate.rule(for: .get, url: "https://café.example/fr/menü/1")?.name == "café")
        #expect(gate.rule(for: .get, url: "https://cafe.example/fr/menü/1") == nil)
    }
}
