import WaymarkCore

/// When a host's circuit breaker opens and for how long (see `CircuitBreaker`).
public struct CircuitBreakerSettings: Hashable, Sendable {
    /// Consecutive failed calls that open a closed breaker; at least 1.
    public var failureThreshold: Int
    /// How long the breaker stays open after its first trip.
    public var coolDown: ISODuration
    /// The longest cool-down: each trip in a row (a failed trial) doubles it up to this.
    public var maxCoolDown: ISODuration
    /// How long a half-open breaker waits for its trial call's outcome before letting another
    /// trial through (a trial whose outcome is never recorded must not hold the host forever).
    public var trialTimeout: ISODuration

    /// The defaults: 5 failures in a row, open 10 s doubling up to 5 min, a trial answered
    /// within 60 s (longer than a journey's 30 s external-call timeout, retries included).
    public init(
        failureThreshold: Int = 5, coolDown: ISODuration = .seconds(10), maxCoolDown: ISODuration = .minutes(5),
        trialTimeout: ISODuration = .seconds(60)
    ) {
        precondition(failureThreshold >= 1, "a circuit breaker opens after at least one failure")
        precondition(coolDown.milliseconds >= 0 && maxCoolDown >= coolDown, "cool-downs must satisfy 0 ≤ coolDown ≤ maxCoolDown")
        precondition(trialTimeout.milliseconds > 0, "a trial call needs time for its outcome")
        self.failureThreshold = failureThreshold
        self.coolDown = coolDown
        self.maxCoolDown = maxCoolDown
        self.trialTimeout = trialTimeout
    }
}
