import Synchronization
import Testing
import WaymarkConnectors
import WaymarkCore

/// The endpoint gate in front of real calls to a server on loopback: a cap stops calls at the
/// endpoint, a throttle spaces their slots, a dead host's breaker opens and closes again.
@Suite struct EndpointGateCallTests {
    @Test func aCapStopsCallsBeyondItsCountAndTheServerNeverSeesThem() async throws {
        let rules = try EndpointRules([
            EndpointRule(name: "coupons", urlPattern: "http://127.0.0.1:*/x", cap: .init(calls: 5, period: .seconds(60)))
        ])
        try await Harness.run(gate: EndpointGate(rules: rules), handler: { _ in .json("{}") }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x")
            var kinds: [ExternalCallErrorKind?] = []
            for index in 0..<8 {
                kinds.append(await harness.executor.execute(Fixture.actionRequest(id: "i/n/\(index)"), configuration: configuration).errorKind)
            }
            #expect(kinds == Array(repeating: nil, count: 5) + Array(repeating: .capped, count: 3))
            #expect(harness.recorder.count("/x") == 5)
        }
    }

    @Test func aThrottleSpacesTheSlotsOfCallsBeyondItsRate() async throws {
        let rules = try EndpointRules([EndpointRule(name: "slow-api", urlPattern: "http://127.0.0.1:*", throttle: .init(perSecond: 10))])
        try await Harness.run(gate: EndpointGate(rules: rules), handler: { _ in .json("{}") }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x")
            let now: Int64 = 1_000_000
            let admissions = (0..<25).map { index in
                harness.executor.admission(for: Fixture.actionRequest(id: "i/n/\(index)"), configuration: configuration, now: now)
            }
            // A second's worth goes at once, then one slot every 100 ms.
            #expect(admissions.prefix(10).allSatisfy { $0 == .now })
            let later = admissions.dropFirst(10).map { admission -> Int64 in
                guard case .at(let slot) = admission else { return now }
                return slot
            }
            #expect(later == (1...15).map { now + Int64($0) * 100 })
        }
    }

    @Test func aDeadHostsBreakerOpensThenATrialClosesIt() async throws {
        let healthy = Atomic<Bool>(false)
        let breaker = CircuitBreakerSettings(failureThreshold: 3, coolDown: ISODuration(milliseconds: 200))
        let settings = HTTPCallExecutor.Settings(retry: RetryPolicy(maxRetries: 0), timeoutRange: 100...30_000)
        try await Harness.run(settings: settings, gate: EndpointGate(breaker: breaker), handler: { _ in
            healthy.load(ordering: .relaxed) ? .json("{}") : .status(503)
        }) { harness in
            let configuration = Fixture.actionConfiguration(url: harness.baseURL + "/x")
            func call() async -> ExternalCallResult {
                await harness.executor.execute(Fixture.actionRequest(), configuration: configuration)
            }
            for _ in 0..<3 { #expect(await call().errorCode == "503") }
            // Open: calls fail at once, the host sees none of them.
            let refused = await call()
            #expect(refused.errorKind == .internal)
            #expect(refused.errorCode == "circuitOpen")
            #expect(harness.recorder.count("/x") == 3)
            // After the cool-down one trial goes through; the host is back, so the circuit closes.
            healthy.store(true, ordering: .relaxed)
            try await Task.sleep(for: .milliseconds(250))
            #expect(await call().errorKind == nil)
            #expect(await call().errorKind == nil)
            #expect(harness.recorder.count("/x") == 5)
        }
    }
}
