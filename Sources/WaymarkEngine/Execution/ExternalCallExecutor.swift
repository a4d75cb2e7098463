import WaymarkCore

/// Runs the calls to the outside world that journeys ask for (custom actions, messages, data
/// fetches), after their outbox rows are committed, at least once.
///
/// `WaymarkConnectors.HTTPCallExecutor` implements it over HTTP (authentication, capping,
/// throttling, retries, a circuit breaker per host); `RecordingCallExecutor` serves tests,
/// `simulate` and benchmarks.
public protocol ExternalCallExecutor: Sendable {
    /// The endpoint a call goes to (for HTTP: scheme, host and port). The outbox dispatcher
    /// bounds the calls in flight per endpoint, so a slow endpoint cannot hold every slot.
    func endpoint(of request: ExternalCallRequest, configuration: Configuration) -> String

    /// When the call may be made: now, or at a later instant when its endpoint is throttled.
    /// A call told `.at(t)` holds that slot: its outbox row waits until `t` (the durable queue)
    /// and is then made without asking again.
    func admission(for request: ExternalCallRequest, configuration: Configuration, now: Int64) -> CallAdmission

    /// Runs one call and says how it went. Never throws: a failure is a result with an
    /// `errorKind`, which the journey's error path handles. `request.id` is the idempotency key.
    /// - Parameter configuration: the configs the engine runs with (action and data source definitions).
    func execute(_ request: ExternalCallRequest, configuration: Configuration) async -> ExternalCallResult

    /// Where the outbox dispatcher runs its calls, spread across them: e.g. the HTTP client's
    /// event loops, so a request is written and its answer read with no hop between threads.
    /// Empty (the default): Swift's global concurrent executor.
    var preferredExecutors: [any TaskExecutor] { get }
}

/// When an external call may be made.
public enum CallAdmission: Hashable, Sendable {
    /// Now.
    case now
    /// Not before this instant (milliseconds since the epoch).
    case at(Int64)
}

extension ExternalCallExecutor {
    /// One endpoint for every call.
    public func endpoint(of request: ExternalCallRequest, configuration: Configuration) -> String { "" }

    /// Every call now.
    public func admission(for request: ExternalCallRequest, configuration: Configuration, now: Int64) -> CallAdmission { .now }

    /// None: the global concurrent executor.
    public var preferredExecutors: [any TaskExecutor] { [] }
}
