import Testing
import WaymarkCore
import WaymarkConnectors

@Suite struct CircuitBreakerTests {
    /// A breaker with the default settings opened at `now` by five failures.
    private static func tripped(at now: Int64) -> CircuitBreaker {
        var breaker = CircuitBreaker(settings: CircuitBreakerSettings())
        for _ in 0..<5 { breaker.record(succeeded: false, now: now) }
        return breaker
    }

    @Test func opensAfterFiveFailuresInARow() {
        var breaker = CircuitBreaker(settings: CircuitBreakerSettings())
        for _ in 0..<4 { breaker.record(succeeded: false, now: 0) }
        breaker.record(succeeded: true, now: 0)
        for _ in 0..<4 { breaker.record(succeeded: false, now: 0) }
        #expect(breaker.state == .closed(failures: 4))
        #expect(breaker.answers(at: [0]) == [true])
        breaker.record(succeeded: false, now: 100)
        #expect(breaker.state == .open(until: 10_100))
    }

    @Test func staysOpenForTheCoolDownThenLetsOneTrialThrough() {
        var breaker = Self.tripped(at: 0)
        #expect(breaker.answers(at: [1]) == [false])
        #expect(breaker.answers(at: [9_999]) == [false])
        breaker.record(succeeded: true, now: 5_000)
        #expect(breaker.state == .open(until: 10_000))
        #expect(breaker.answers(at: [10_000]) == [true])
        #expect(breaker.state == .halfOpen(trialAt: 10_000))
        #expect(breaker.answers(at: [10_000]) == [false])
        #expect(breaker.answers(at: [69_999]) == [false])
    }

    @Test func aSuccessfulTrialClosesTheBreaker() {
        var breaker = Self.tripped(at: 0)
        #expect(breaker.answers(at: [10_000]) == [true])
        breaker.record(succeeded: true, now: 10_200)
        #expect(breaker.state == .closed(failures: 0))
        #expect(breaker.answers(at: Array(repeating: 10_300, count: 10)) == Array(repeating: true, count: 10))
        // Closed again, the next trip waits the first cool-down.
        for _ in 0..<5 { breaker.record(succeeded: false, now: 20_000) }
        #expect(breaker.state == .open(until: 30_000))
    }

    @Test func aFailedTrialReopensWithACoolDownDoublingUpToFiveMinutes() {
        var breaker = Self.tripped(at: 0)
        var now: Int64 = 0
        var coolDowns: [Int64] = []
        for _ in 0..<8 {
            guard case .open(let until) = breaker.state else { Issue.record("not open: \(breaker.state)"); return }
            coolDowns.append(until - now)
            now = until
            #expect(breaker.answers(at: [now]) == [true])
            breaker.record(succeeded: false, now: now)
        }
        #expect(coolDowns == [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000])
    }

    @Test func aTrialWithoutOutcomeLetsAnotherGoAfterTheTrialTimeout() {
        var breaker = Self.tripped(at: 0)
        #expect(breaker.answers(at: [10_000]) == [true])
        #expect(breaker.answers(at: [69_999]) == [false])
        #expect(breaker.answers(at: [70_000]) == [true])
        #expect(breaker.state == .halfOpen(trialAt: 70_000))
    }

    @Test func settingsChangeTheThresholdAndCoolDowns() {
        let settings = CircuitBreakerSettings(
            failureThreshold: 2, coolDown: .seconds(1), maxCoolDown: .seconds(3), trialTimeout: .seconds(5))
        var breaker = CircuitBreaker(settings: settings)
        breaker.record(succeeded: false, now: 0)
        #expect(breaker.answers(at: [0]) == [true])
        breaker.record(succeeded: false, now: 0)
        #expect(breaker.state == .open(until: 1_000))
        #expect(breaker.answers(at: [1_000]) == [true])
        breaker.record(succeeded: false, now: 1_000)
        #expect(breaker.state == .open(until: 3_000))
        #expect(breaker.answers(at: [3_000]) == [true])
        breaker.record(succeeded: false, now: 3_000)
        #expect(breaker.state == .open(until: 6_000))
    }

    @Test func theGateKeepsOneBreakerPerHost() {
        let gate = EndpointGate()
        let sick = "https://sick.example.com:443"
        let well = "https://well.example.com:443"
        for _ in 0..<5 { gate.record(host: sick, succeeded: false, now: 0) }
        #expect(gate.breakerState(of: sick) == .open(until: 10_000))
        #expect(gate.check(method: .post, url: "https://sick.example.com/a", host: sick, now: 1) == .circuitOpen)
        #expect(gate.check(method: .post, url: "https://well.example.com/a", host: well, now: 1) == .proceed)
        #expect(gate.check(method: .post, url: "https://sick.example.com/a", host: sick, now: 10_000) == .proceed)
        #expect(gate.check(method: .get, url: "https://sick.example.com/b", host: sick, now: 10_001) == .circuitOpen)
        gate.record(host: sick, succeeded: true, now: 10_050)
        #expect(gate.check(method: .get, url: "https://sick.example.com/b", host: sick, now: 10_060) == .proceed)
        #expect(gate.breakerState(of: sick) == .closed(failures: 0))
    }

    @Test func callersRacingAHalfOpenBreakerGetOneTrial() async {
        let gate = EndpointGate()
        let sick = "https://sick.example.com:443"
        for _ in 0..<5 { gate.record(host: sick, succeeded: false, now: 0) }
        let trials = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<100).count { _ in gate.check(method: .get, url: "https://sick.example.com/", host: sick, now: 10_000) == .proceed }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(trials == 1)
    }

    @Test func aCappedCallNeverTakesTheTrial() throws {
        let rules = try EndpointRules([
            EndpointRule(name: "tiny", urlPattern: "https://sick.example.com/tiny", cap: .init(calls: 1, period: .hours(1)))
        ])
        let gate = EndpointGate(rules: rules)
        let sick = "https://sick.example.com:443"
        #expect(gate.check(method: .post, url: "https://sick.example.com/tiny", host: sick, now: 0) == .proceed)
        for _ in 0..<5 { gate.record(host: sick, succeeded: false, now: 0) }
        #expect(gate.check(method: .post, url: "https://sick.example.com/tiny", host: sick, now: 10_000) == .capped)
        #expect(gate.breakerState(of: sick) == .open(until: 10_000))
        #expect(gate.check(method: .post, url: "https://sick.example.com/other", host: sick, now: 10_000) == .proceed)
        #expect(gate.breakerState(of: sick) == .halfOpen(trialAt: 10_000))
    }
}

extension CircuitBreaker {
    /// Whether calls at these instants, one after the other, may go.
    fileprivate mutating func answers(at instants: [Int64]) -> [Bool] {
        instants.map { allows(now: $0) }
    }
}
