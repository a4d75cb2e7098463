/// Custom actions and external data sources over HTTP: `HTTPCallExecutor` implements the
/// engine's `ExternalCallExecutor` with authentication, timeouts and retries, capping and
/// throttling per endpoint, a circuit breaker per host and an `Idempotency-Key` on every action.
public enum WaymarkConnectors {}
