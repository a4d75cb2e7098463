import WaymarkCore

/// How one HTTP call went, after its retries: the parsed answer or the failure, with the
/// measurements the result's fields need.
struct CallOutcome: Sendable {
    /// The parsed JSON body, or why there is none.
    var answer: Result<JSONValue, CallFailure>
    /// The final HTTP status, when the endpoint answered.
    var status: Int?
    /// When the final attempt started (milliseconds since the epoch); `nil` when none was made.
    var originStartTime: Int64?
    /// Milliseconds of the final attempt.
    var originTime: Int64?
    /// The failure of the attempt before the final one.
    var previousFailure: CallFailure?
    /// The URL called, secrets redacted.
    var endpoint: String
    /// The method used.
    var method: HTTPMethod
    /// Attempts made (retries and the repeat after a token refresh included).
    var attempts: Int = 0

    /// An outcome without any attempt (capped, circuit open, deadline already passed, …).
    static func notAttempted(_ failure: CallFailure, spec: HTTPRequestSpec) -> CallOutcome {
        CallOutcome(answer: .failure(failure), endpoint: spec.redactedURL, method: spec.method)
    }

    /// The failure, if the call failed.
    var failure: CallFailure? {
        if case .failure(let failure) = answer { return failure }
        return nil
    }
}
