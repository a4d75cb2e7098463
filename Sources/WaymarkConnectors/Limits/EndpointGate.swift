import Synchronization
import WaymarkCore

/// The `CallGate` of an engine: endpoint rules (caps and throttles), a default cap per host and
/// a circuit breaker per host. One instance per engine, shared by every journey.
///
/// - **Capping**: a call goes only while its rule's cap (or, when no rule applies, its host's
///   default cap) has room in the sliding window `(now - period, now]`; the calls that go are
///   counted (`SlidingWindowCounter`), the capped ones are not.
/// - **Throttling**: `reserveSlot` hands out the slots of the rule's throttle
///   (`ThrottleSchedule`); a call waits for its slot in the engine's durable outbox. A slot more
///   than `maxQueueDuration` away is returned without being reserved: the caller fails the call.
/// - **Circuit breaker**: per host (`CircuitBreaker`, `CircuitBreakerSettings`); `check` refuses
///   calls while it is open and lets one trial through when half-open. A capped call never takes
///   the trial.
///
/// Rule lookup compares the URL's bytes with the compiled patterns, most specific first,
/// outside the lock; the lock is held for a few dictionary and array operations.
public final class EndpointGate: CallGate {
    /// The longest a throttled call waits for its slot (the baseline's 6 hours).
    public static let maxQueueDuration = ISODuration.hours(6)
    /// The baseline's cap of the calls to a host that no rule applies to: 300,000 per minute.
    public static let defaultHostCap = EndpointRule.Cap(calls: 300_000, period: .minutes(1))

    /// The rules the gate applies.
    public let rules: EndpointRules
    private let matcher: RuleMatcher
    private let state: Mutex<GateState>

    /// Creates a gate.
    /// - Parameters:
    ///   - rules: the endpoint rules.
    ///   - defaultHostCap: the cap of each host's calls that no rule applies to; `nil` for none.
    ///   - breaker: when a host's circuit breaker opens and for how long.
    public init(
        rules: EndpointRules = .none, defaultHostCap: EndpointRule.Cap? = EndpointGate.defaultHostCap,
        breaker: CircuitBreakerSettings = CircuitBreakerSettings()
    ) {
        if let problem = defaultHostCap?.problem { preconditionFailure("defaultHostCap.\(problem.field) \(problem.message)") }
        self.rules = rules
        matcher = RuleMatcher(rules.rules)
        state = Mutex(GateState(rules: rules.rules, defaultHostCap: defaultHostCap, breakerSettings: breaker))
    }

    public func check(method: HTTPMethod, url: String, host: String, now: Int64) -> GateDecision {
        let rule = matcher.rule(for: method, url: url)
        return state.withLock { $0.check(rule: rule, host: host, now: now) }
    }

    public func reserveSlot(method: HTTPMethod, url: String, now: Int64) -> Int64 {
        let rule = matcher.rule(for: method, url: url)
        return state.withLock { $0.reserveSlot(rule: rule, now: now, horizon: Self.maxQueueDuration.milliseconds) }
    }

    public func record(host: String, succeeded: Bool, now: Int64) {
        state.withLock { $0.record(host: host, succeeded: succeeded, now: now) }
    }

    /// The rule that applies to a call, or `nil` when none does (the host's default cap then).
    public func rule(for method: HTTPMethod, url: String) -> EndpointRule? {
        matcher.rule(for: method, url: url).map { rules.rules[$0] }
    }

    /// Where the circuit breaker of `host` is; `nil` before any call to it.
    package func breakerState(of host: String) -> CircuitBreaker.State? {
        state.withLock { $0.breakerState(of: host) }
    }
}
