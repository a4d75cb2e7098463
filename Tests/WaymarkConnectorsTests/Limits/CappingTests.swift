import Testing
import WaymarkCore
import WaymarkConnectors

@Suite struct CappingTests {
    private static let host = "https://api.example.com:443"

    @Test func aWindowAdmitsExactlyItsLimitThenFreesCallsAsItSlides() {
        var window = SlidingWindowCounter(limit: 3, period: 1_000)
        let early = window.admits(at: [0, 0, 400, 400, 999])
        #expect(early == [true, true, true, false, false])
        // The two calls at 0 leave the window (now - 1000, now] at 1000 exactly.
        let later = window.admits(at: [1_000, 1_000, 1_399, 1_400])
        #expect(later == [true, true, false, true])
        #expect(window.total == 3)
    }

    @Test func aWindowKeepsAtMostOneEntryPerMillisecondAndPerCall() {
        var window = SlidingWindowCounter(limit: 100_000, period: 60_000)
        let busy = window.admits(at: (0..<100_000).map { Int64($0 / 1_000) })
        #expect(busy.allSatisfy { $0 })
        #expect(window.entryCount == 100)
        let beyond = window.admits(at: [99])
        #expect(beyond == [false])
        var sparse = SlidingWindowCounter(limit: 10, period: 60_000)
        _ = sparse.admits(at: (0..<1_000).map { Int64($0) * 1_000 })
        #expect(sparse.entryCount == 10)
    }

    @Test func anEarlierInstantCountsAsTheNewest() {
        var window = SlidingWindowCounter(limit: 2, period: 100)
        let admitted = window.admits(at: [50, 40, 60, 150])
        #expect(admitted == [true, true, false, true])
    }

    @Test func aRuleCapIsSharedByItsURLsAndCappedCallsAreNotCounted() throws {
        let rules = try EndpointRules([
            EndpointRule(name: "crm", urlPattern: "https://api.example.com/crm/", cap: .init(calls: 2, period: .seconds(10)))
        ])
        let gate = EndpointGate(rules: rules)
        #expect(gate.check(method: .post, url: "https://api.example.com/crm/a", host: Self.host, now: 0) == .proceed)
        #expect(gate.check(method: .get, url: "https://api.example.com/crm/b", host: Self.host, now: 1) == .proceed)
        for now in Int64(2)..<10_000 where now % 97 == 0 {
            #expect(gate.check(method: .post, url: "https://api.example.com/crm/c", host: Self.host, now: now) == .capped)
        }
        #expect(gate.check(method: .post, url: "https://api.example.com/other", host: Self.host, now: 5) == .proceed)
        #expect(gate.check(method: .post, url: "https://api.example.com/crm/a", host: Self.host, now: 10_000) == .proceed)
        #expect(gate.check(method: .post, url: "https://api.example.com/crm/a", host: Self.host, now: 10_000) == .capped)
        #expect(gate.check(method: .post, url: "https://api.example.com/crm/a", host: Self.host, now: 10_001) == .proceed)
    }

    @Test func twoRulesByTheirSpecificity() throws {
        let rules = try EndpointRules([
            EndpointRule(name: "api", urlPattern: "https://api.example.com/*", cap: .init(calls: 1, period: .minutes(1))),
            EndpointRule(name: "bulk", urlPattern: "https://api.example.com/bulk/*", cap: .init(calls: 3, period: .minutes(1))),
        ])
        let gate = EndpointGate(rules: rules)
        let bulk = (0..<4).map { _ in gate.check(method: .post, url: "https://api.example.com/bulk/1", host: Self.host, now: 0) }
        #expect(bulk == [.proceed, .proceed, .proceed, .capped])
        #expect(gate.check(method: .post, url: "https://api.example.com/one", host: Self.host, now: 0) == .proceed)
        #expect(gate.check(method: .post, url: "https://api.example.com/two", host: Self.host, now: 0) == .capped)
    }

    @Test func theMethodsFilterChoosesTheCap() throws {
        let rules = try EndpointRules([
            EndpointRule(
                name: "writes", urlPattern: "https://api.example.com/", methods: [.post], cap: .init(calls: 1, period: .minutes(1)))
        ])
        let gate = EndpointGate(rules: rules, defaultHostCap: nil)
        #expect(gate.check(method: .post, url: "https://api.example.com/x", host: Self.host, now: 0) == .proceed)
        #expect(gate.check(method: .post, url: "https://api.example.com/x", host: Self.host, now: 0) == .capped)
        for _ in 0..<5 { #expect(gate.check(method: .get, url: "https://api.example.com/x", host: Self.host, now: 0) == .proceed) }
    }

    @Test func callsNoRuleAppliesToShareTheirHostsDefaultCap() throws {
        #expect(EndpointGate.defaultHostCap == EndpointRule.Cap(calls: 300_000, period: .minutes(1)))
        let exempt = try EndpointRules([EndpointRule(name: "exempt", urlPattern: "https://a.example.com/exempt/")])
        let gate = EndpointGate(rules: exempt, defaultHostCap: .init(calls: 2, period: .seconds(1)))
        let a = "https://a.example.com:443"
        let b = "https://b.example.com:443"
        #expect(gate.check(method: .get, url: "https://a.example.com/1", host: a, now: 0) == .proceed)
        #expect(gate.check(method: .post, url: "https://a.example.com/2", host: a, now: 0) == .proceed)
        #expect(gate.check(method: .get, url: "https://a.example.com/3", host: a, now: 999) == .capped)
        #expect(gate.check(method: .get, url: "https://b.example.com/1", host: b, now: 999) == .proceed)
        #expect(gate.check(method: .get, url: "https://a.example.com/exempt/1", host: a, now: 999) == .proceed)
        #expect(gate.check(method: .get, url: "https://a.example.com/3", host: a, now: 1_000) == .proceed)

        let uncapped = EndpointGate(defaultHostCap: nil)
        for _ in 0..<1_000 { #expect(uncapped.check(method: .get, url: "https://a.example.com/", host: a, now: 0) == .proceed) }
    }

    @Test func callsCheckedConcurrentlyAreCappedExactly() async throws {
        let rules = try EndpointRules([EndpointRule(name: "all", urlPattern: "https://", cap: .init(calls: 1_000, period: .hours(1)))])
        let gate = EndpointGate(rules: rules)
        let admitted = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    (0..<500).count { call in
                        gate.check(method: .post, url: "https://api.example.com/\(task)", host: Self.host, now: Int64(call)) == .proceed
                    }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(admitted == 1_000)
    }
}

extension SlidingWindowCounter {
    /// Whether calls at these instants, one after the other, are admitted.
    fileprivate mutating func admits(at instants: [Int64]) -> [Bool] {
        instants.map { admit(now: $0) }
    }
}
