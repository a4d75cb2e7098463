import WaymarkCore

/// Runs the calls to the outside world that journeys ask for (custom actions, messages, data
/// fetches), after their outbox rows are committed, at least once.
///
/// The external-systems issue implements it over HTTP (authentication, capping, throttling,
/// retries); `RecordingCallExecutor` serves tests, `simulate` and benchmarks.
public protocol ExternalCallExecutor: Sendable {
    /// Runs one call and says how it went. Never throws: a failure is a result with an
    /// `errorKind`, which the journey's error path handles. `request.id` is the idempotency key.
    /// - Parameter configuration: the configs the engine runs with (action and data source definitions).
    func execute(_ request: ExternalCallRequest, configuration: Configuration) async -> ExternalCallResult
}
