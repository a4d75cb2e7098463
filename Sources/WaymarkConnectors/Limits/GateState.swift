/// What an `EndpointGate` remembers, a value mutated under its lock: the window of each rule's
/// cap and of each host's default cap, the schedule of each rule's throttle and each host's
/// circuit breaker.
struct GateState: Sendable {
    /// Per rule (by index): its cap's window, `nil` when it has no cap.
    private var ruleWindows: [SlidingWindowCounter?]
    /// Per rule (by index): its throttle's schedule, `nil` when it has no throttle.
    private var throttles: [ThrottleSchedule?]
    /// The default cap of each host, for the calls no rule applies to.
    private var hostWindows: [String: SlidingWindowCounter] = [:]
    private var breakers: [String: CircuitBreaker] = [:]
    private let defaultHostCap: EndpointRule.Cap?
    private let breakerSettings: CircuitBreakerSettings

    init(rules: [EndpointRule], defaultHostCap: EndpointRule.Cap?, breakerSettings: CircuitBreakerSettings) {
        ruleWindows = rules.map { $0.cap.map(SlidingWindowCounter.init) }
        throttles = rules.map { $0.throttle.map { ThrottleSchedule(perSecond: $0.perSecond) } }
        self.defaultHostCap = defaultHostCap
        self.breakerSettings = breakerSettings
    }

    /// Whether a call to `host` under `rule` (`nil`: none applies) may go at `now`.
    mutating func check(rule: Int?, host: String, now: Int64) -> GateDecision {
        let fresh = CircuitBreaker(settings: breakerSettings)
        if let rule {
            return Self.admit(window: &ruleWindows[rule], breaker: &breakers[host, default: fresh], now: now)
        }
        if let cap = defaultHostCap, hostWindows[host] == nil { hostWindows[host] = SlidingWindowCounter(cap) }
        return Self.admit(window: &hostWindows[host], breaker: &breakers[host, default: fresh], now: now)
    }

    /// A call goes when its cap has room and its breaker lets it through; it is then counted.
    /// A capped call does not consult the breaker, so it never takes the half-open trial.
    private static func admit(window: inout SlidingWindowCounter?, breaker: inout CircuitBreaker, now: Int64) -> GateDecision {
        guard window?.hasRoom(now: now) != false else { return .capped }
        guard breaker.allows(now: now) else { return .circuitOpen }
        window?.add(now: now)
        return .proceed
    }

    /// The slot of a call under `rule` (`nil`: none applies); see `ThrottleSchedule.reserve`.
    mutating func reserveSlot(rule: Int?, now: Int64, horizon: Int64) -> Int64 {
        guard let rule else { return now }
        return throttles[rule]?.reserve(now: now, horizon: horizon) ?? now
    }

    /// Learns how a call to `host` went.
    mutating func record(host: String, succeeded: Bool, now: Int64) {
        breakers[host, default: CircuitBreaker(settings: breakerSettings)].record(succeeded: succeeded, now: now)
    }

    /// Where the breaker of `host` is; `nil` before any call to it.
    func breakerState(of host: String) -> CircuitBreaker.State? {
        breakers[host]?.state
    }
}
