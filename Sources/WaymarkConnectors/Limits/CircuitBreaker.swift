/// The circuit breaker of one host, a value that says whether a call may go and learns from
/// how calls went.
///
/// - **closed**: every call goes. `failureThreshold` failures in a row (a success resets the
///   count) trip it open. Consecutive failures rather than a ratio: simple, and a host that
///   fails every call is caught after the same few calls at any rate.
/// - **open** until its cool-down ends: no call goes. The first cool-down is `coolDown`; each
///   trip in a row (a failed trial) doubles it, up to `maxCoolDown`.
/// - **half-open** once the cool-down is over: ONE trial call goes, the others are refused
///   until its outcome. A success closes the breaker (and resets the cool-down), a failure
///   opens it again. A trial with no outcome after `trialTimeout` lets another trial go.
///
/// Outcomes recorded while open come from calls made before the trip and are ignored; in
/// half-open, the first outcome recorded decides.
package struct CircuitBreaker: Sendable {
    /// Where the breaker is.
    package enum State: Hashable, Sendable {
        /// Calls go; `failures` failed in a row.
        case closed(failures: Int)
        /// No call goes before `until`.
        case open(until: Int64)
        /// A trial call went at `trialAt`; the others wait for its outcome.
        case halfOpen(trialAt: Int64)
    }

    private let settings: CircuitBreakerSettings
    package private(set) var state = State.closed(failures: 0)
    /// The cool-down of the next trip, in milliseconds.
    private var nextCoolDown: Int64

    /// A closed breaker.
    package init(settings: CircuitBreakerSettings) {
        self.settings = settings
        nextCoolDown = settings.coolDown.milliseconds
    }

    /// Whether a call may go at `now`; the call let through a breaker whose cool-down is over
    /// is its trial.
    package mutating func allows(now: Int64) -> Bool {
        switch state {
        case .closed:
            return true
        case .open(let until):
            guard now >= until else { return false }
        case .halfOpen(let trialAt):
            guard now - trialAt >= settings.trialTimeout.milliseconds else { return false }
        }
        state = .halfOpen(trialAt: now)
        return true
    }

    /// Learns how a call went.
    package mutating func record(succeeded: Bool, now: Int64) {
        switch (state, succeeded) {
        case (.open, _):
            return
        case (.closed, true):
            state = .closed(failures: 0)
        case (.halfOpen, true):
            state = .closed(failures: 0)
            nextCoolDown = settings.coolDown.milliseconds
        case (.closed(let failures), false) where failures + 1 < settings.failureThreshold:
            state = .closed(failures: failures + 1)
        case (.closed, false), (.halfOpen, false):
            state = .open(until: now + nextCoolDown)
            nextCoolDown = min(nextCoolDown * 2, settings.maxCoolDown.milliseconds)
        }
    }
}
