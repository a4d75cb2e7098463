/// Why an external call (action or data fetch) failed.
public enum ExternalCallErrorKind: String, Hashable, Sendable, CaseIterable {
    /// The endpoint answered with a status that is not 2xx (the code is in `errorCode`).
    case http
    /// No answer within the journey's external-call timeout, retries included.
    case timeout
    /// The endpoint's cap was reached: the call was not made.
    case capped
    /// Anything else: connection refused, bad URL, authentication failure, malformed response, ….
    case `internal`

    /// The step status a failure of this kind gives (`error`, `timedout`, `capped`).
    public var stepStatus: StepStatus {
        switch self {
        case .http, .internal: .error
        case .timeout: .timedout
        case .capped: .capped
        }
    }

    /// The name step events use (`actionExecutionError`): `http`, `timeout`, `capping`, `error`.
    public var actionErrorName: String {
        switch self {
        case .http: "http"
        case .timeout: "timeout"
        case .capped: "capping"
        case .internal: "error"
        }
    }

    /// The name data fetch step fields use (`fetchError`): `http`, `timedout`, `capping`, `error`.
    public var fetchErrorName: String {
        switch self {
        case .http: "http"
        case .timeout: "timedout"
        case .capped: "capping"
        case .internal: "error"
        }
    }
}
