import WaymarkCore

/// Why one call (or one attempt of it) failed: the error kind and code of the result, a message
/// for logs, and whether another attempt may succeed. Messages never hold secrets.
struct CallFailure: Error, Hashable, Sendable {
    /// The result's error kind.
    var kind: ExternalCallErrorKind
    /// The result's error code (the HTTP status as text, or a word such as `connection`).
    var code: String
    /// What happened, for logs.
    var message: String
    /// The HTTP status, when the endpoint answered.
    var status: Int?
    /// Whether the call may be tried again (within the deadline).
    var isRetryable: Bool

    /// A non-2xx answer: retried unless 401, 403 or 404.
    static func http(status: Int, endpoint: String) -> CallFailure {
        CallFailure(
            kind: .http, code: String(status), message: "\(endpoint) answered \(status)", status: status,
            isRetryable: ![401, 403, 404].contains(status))
    }

    /// No usable answer: timeouts are final (the deadline is spent), connection errors retried.
    static func transport(_ error: HTTPTransportError) -> CallFailure {
        switch error.code {
        case .timeout: CallFailure(kind: .timeout, code: "timeout", message: error.message, isRetryable: false)
        case .connection: CallFailure(kind: .internal, code: "connection", message: error.message, isRetryable: true)
        case .invalidURL: CallFailure(kind: .internal, code: "invalidURL", message: error.message, isRetryable: false)
        case .responseTooLarge:
            CallFailure(kind: .internal, code: "responseTooLarge", message: error.message, isRetryable: false)
        }
    }

    /// A 2xx answer whose body is not JSON.
    static func malformedResponse(endpoint: String) -> CallFailure {
        CallFailure(
            kind: .internal, code: "malformedResponse", message: "malformed response from \(endpoint): not JSON",
            isRetryable: false)
    }

    /// The deadline passed before (another) attempt could be made.
    static func deadlinePassed(endpoint: String) -> CallFailure {
        CallFailure(kind: .timeout, code: "timeout", message: "no answer from \(endpoint) in time", isRetryable: false)
    }

    /// The token of a custom authentication could not be obtained.
    static func authentication(_ message: String) -> CallFailure {
        CallFailure(kind: .internal, code: "authentication", message: message, isRetryable: false)
    }

    /// The endpoint's cap is reached: the call was not made.
    static func capped(endpoint: String) -> CallFailure {
        CallFailure(kind: .capped, code: "capped", message: "\(endpoint) is capped", isRetryable: false)
    }

    /// The host's circuit breaker is open: the call was not made.
    static func circuitOpen(endpoint: String) -> CallFailure {
        CallFailure(
            kind: .internal, code: "circuitOpen", message: "the circuit of \(endpoint) is open", isRetryable: false)
    }

    /// The configuration cannot make this call (unknown action or data source, wrong kind).
    static func configuration(_ code: String, _ message: String) -> CallFailure {
        CallFailure(kind: .internal, code: code, message: message, isRetryable: false)
    }

    /// Whether the circuit breaker counts it as a failure of the host: 5xx, timeouts, connection errors.
    var countsAgainstHost: Bool {
        if let status { return status >= 500 }
        return kind == .timeout || code == "connection"
    }
}
