import Testing
import WaymarkCore
import WaymarkConnectors

@Suite struct GateThroughputTests {
    /// The hot path with 50 rules: well over 10,000 checks and reservations per second, even in
    /// a debug build on a shared machine.
    @Test func checksManyCallsPerSecond() throws {
        let rules = try EndpointRules(
            (0..<50).map { index in
                EndpointRule(
                    name: "rule\(index)", urlPattern: "https://api\(index).example.com/v\(index % 3)/*",
                    methods: index.isMultiple(of: 2) ? [.post] : [], cap: .init(calls: 1_000_000, period: .minutes(1)),
                    throttle: .init(perSecond: 5_000))
            })
        let gate = EndpointGate(rules: rules)
        let urls = (0..<64).map { "https://api\($0).example.com/v\($0 % 3)/orders/\($0)" }
        let hosts = (0..<64).map { "https://api\($0).example.com:443" }
        let calls = 50_000
        let clock = ContinuousClock()
        var proceeded = 0
        let elapsed = clock.measure {
            for call in 0..<calls {
                let now = Int64(call / 10)
                if gate.check(method: .post, url: urls[call % 64], host: hosts[call % 64], now: now) == .proceed { proceeded += 1 }
                _ = gate.reserveSlot(method: .post, url: urls[call % 64], now: now)
                gate.record(host: hosts[call % 64], succeeded: true, now: now)
            }
        }
        #expect(proceeded == calls)
        #expect(elapsed < .seconds(5), "\(calls) calls took \(elapsed)")
    }
}
