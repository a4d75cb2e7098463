import Logging
import WaymarkCore
import WaymarkEngine

/// Makes one HTTP call with the call discipline of journeys: authentication, a deadline for the
/// whole call, retries with backoff (never on 401, 403, 404), one token refresh on a 401, a 2xx
/// JSON answer or a failure.
struct HTTPCallRunner: Sendable {
    let transport: any HTTPTransport
    let authenticator: RequestAuthenticator
    let clock: any EngineClock
    let retry: RetryPolicy
    let logger: Logger

    /// Calls `spec` until it succeeds, fails for good, or the deadline (milliseconds since the
    /// epoch) leaves no room for another attempt.
    func run(_ spec: HTTPRequestSpec, authentication: Authentication, deadline: Int64) async -> CallOutcome {
        var outcome = CallOutcome.notAttempted(.deadlinePassed(endpoint: spec.redactedURL), spec: spec)
        var attempts = 0
        var retries = 0
        var refreshedToken = false
        while clock.now() < deadline {
            let previous = attempts > 0 ? outcome.failure : nil
            let (attempt, token) = await attemptOnce(spec, authentication: authentication, deadline: deadline)
            attempts += 1
            outcome = attempt
            outcome.previousFailure = previous
            outcome.attempts = attempts
            guard let failure = outcome.failure else { return outcome }
            if failure.status == 401, let token, !refreshedToken {
                refreshedToken = true
                authenticator.invalidate(authentication, token: token)
                logger.debug("token refused, fetching a new one", metadata: ["endpoint": "\(outcome.endpoint)"])
                continue
            }
            guard failure.isRetryable, retries < retry.maxRetries else { return outcome }
            retries += 1
            let wakeUp = clock.now() + retry.delay(beforeRetry: retries)
            guard wakeUp < deadline else { return outcome }
            logger.debug(
                "retrying a failed call",
                metadata: ["endpoint": "\(outcome.endpoint)", "error": "\(failure.code)", "retry": "\(retries)"])
            do { try await clock.sleep(until: wakeUp) } catch { return outcome }
        }
        return outcome
    }

    /// One attempt: authenticate, send, read the answer.
    /// - Returns: the attempt's outcome and the custom token it used, if any.
    private func attemptOnce(_ spec: HTTPRequestSpec, authentication: Authentication, deadline: Int64)
        async -> (CallOutcome, String?)
    {
        var spec = spec
        let token: String?
        do throws(CallFailure) {
            token = try await authenticator.authenticate(&spec, with: authentication, deadline: deadline)
        } catch {
            return (.notAttempted(error, spec: spec), nil)
        }
        let start = clock.now()
        let answer: Result<HTTPResponseSpec, HTTPTransportError>
        do throws(HTTPTransportError) {
            answer = .success(try await transport.send(spec, timeout: deadline - start))
        } catch {
            answer = .failure(error)
        }
        let endpoint = spec.redactedURL
        var outcome = CallOutcome(
            answer: .failure(.deadlinePassed(endpoint: endpoint)), originStartTime: start, originTime: clock.now() - start,
            endpoint: endpoint, method: spec.method)
        switch answer {
        case .success(let response):
            outcome.status = response.status
            outcome.answer = response.isSuccess
                ? Self.json(response.body, endpoint: endpoint)
                : .failure(.http(status: response.status, endpoint: endpoint))
        case .failure(let error):
            outcome.answer = .failure(.transport(error))
        }
        return (outcome, token)
    }

    /// A 2xx body as JSON: an empty body is `{}`; anything not JSON is a malformed response.
    static func json(_ body: [UInt8], endpoint: String) -> Result<JSONValue, CallFailure> {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .success(.object(OrderedFields()))
        }
        guard let value = try? JSONValue(parsing: body) else { return .failure(.malformedResponse(endpoint: endpoint)) }
        return .success(value)
    }
}
