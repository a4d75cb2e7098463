import WaymarkCore

/// What an endpoint's limits say about one call (capping, throttling, the circuit breaker).
///
/// `HTTPCallExecutor` asks its gate before every call and tells it how every call ended. The
/// implementations live in `Limits/` (`EndpointGate`); `OpenGate` lets everything through.
/// Implementations are called concurrently from many tasks and must not block.
public protocol CallGate: Sendable {
    /// Before a call is made: whether it may go now. `url` is the full URL, `host` scheme://host:port.
    func check(method: HTTPMethod, url: String, host: String, now: Int64) -> GateDecision
    /// When a throttled call may go (milliseconds since the epoch), reserving that slot; `now` when not throttled.
    func reserveSlot(method: HTTPMethod, url: String, now: Int64) -> Int64
    /// After a call: how it went, for the circuit breaker of `host`.
    func record(host: String, succeeded: Bool, now: Int64)
}

/// The verdict of a `CallGate` on one call.
public enum GateDecision: Hashable, Sendable {
    /// The call may be made.
    case proceed
    /// The endpoint's cap is reached: the call is not made and fails as `capped`.
    case capped
    /// The host's circuit breaker is open: the call is not made and fails as an internal error.
    case circuitOpen
}

/// A gate without limits: every call proceeds at once, nothing is recorded.
public struct OpenGate: CallGate {
    /// Creates an open gate.
    public init() {}

    /// Always `.proceed`.
    public func check(method: HTTPMethod, url: String, host: String, now: Int64) -> GateDecision { .proceed }

    /// Always `now`.
    public func reserveSlot(method: HTTPMethod, url: String, now: Int64) -> Int64 { now }

    /// Does nothing.
    public func record(host: String, succeeded: Bool, now: Int64) {}
}
