import WaymarkCore

/// What an endpoint's limits say about one call (capping, throttling, the circuit breaker).
public protocol CallGate: Sendable {
    /// Before a call is made: whether it may go now. `url` is the full URL, `host` scheme://host:port.
    func check(method: HTTPMethod, url: String, host: String, now: Int64) -> GateDecision
    /// When a throttled call may go (milliseconds since the epoch), reserving that slot; `now` when not throttled.
    func reserveSlot(method: HTTPMethod, url: String, now: Int64) -> Int64
    /// After a call: how it went, for the circuit breaker of `host`.
    func record(host: String, succeeded: Bool, now: Int64)
}

/// The gate's answer before a call.
public enum GateDecision: Hashable, Sendable {
    /// Make the call.
    case proceed
    /// The endpoint's cap is reached: the call is not made and fails as `capped`.
    case capped
    /// The host's circuit breaker is open: the call is not made and fails at once.
    case circuitOpen
}

/// A gate that lets every call through at once.
public struct OpenGate: CallGate {
    /// Creates the gate.
    public init() {}
    public func check(method: HTTPMethod, url: String, host: String, now: Int64) -> GateDecision { .proceed }
    public func reserveSlot(method: HTTPMethod, url: String, now: Int64) -> Int64 { now }
    public func record(host: String, succeeded: Bool, now: Int64) {}
}
