import Logging
import WaymarkCore
import WaymarkEngine

/// The engine's `ExternalCallExecutor` over HTTP: custom actions and external data source fetches.
///
/// Every call gets its authentication (basic, API key, or a cached custom token refreshed once
/// on a 401), runs within the journey's timeout (clamped to 1–30 s) with up to 3 retries, asks
/// its `CallGate` first (capping, circuit breaker) and reports its outcome to it afterwards.
/// Actions carry `Idempotency-Key: <request id>`. A fetch makes one call per field group,
/// concurrently, reusing answers of groups with a `cacheTTL`.
///
/// The transport is the caller's: shut it down after the executor is no longer used.
public final class HTTPCallExecutor: ExternalCallExecutor {
    /// The executor's options.
    public struct Settings: Hashable, Sendable {
        /// When set, every custom action goes to this base URL followed by its own path and query
        /// instead of its configured host (`waymark simulate --actions-to URL`).
        public var actionsTo: String?
        /// How failed calls are retried.
        public var retry: RetryPolicy
        /// The most field group answers cached.
        public var responseCacheCapacity: Int
        /// Milliseconds a throttling slot may lie ahead and still count as now.
        public var admissionTolerance: Int64
        /// The journey's timeout is clamped to this range, milliseconds (1–30 s; tests may go lower).
        public var timeoutRange: ClosedRange<Int64>

        /// Creates settings: no redirection, the default retries, 10,000 cached answers, 5 ms
        /// tolerance, timeouts of 1–30 s.
        public init(
            actionsTo: String? = nil, retry: RetryPolicy = RetryPolicy(), responseCacheCapacity: Int = 10_000,
            admissionTolerance: Int64 = 5, timeoutRange: ClosedRange<Int64> = 1_000...30_000
        ) {
            self.actionsTo = actionsTo
            self.retry = retry
            self.responseCacheCapacity = responseCacheCapacity
            self.admissionTolerance = admissionTolerance
            self.timeoutRange = timeoutRange
        }
    }

    let settings: Settings
    let gate: any CallGate
    let clock: any EngineClock
    let logger: Logger
    let runner: HTTPCallRunner
    let cache: ResponseCache
    let messages: (any ExternalCallExecutor)?
    /// The transport's preferred executors.
    public let preferredExecutors: [any TaskExecutor]

    /// Creates an executor.
    /// - Parameters:
    ///   - transport: sends the requests (e.g. `AsyncHTTPClientTransport`).
    ///   - gate: capping, throttling and the circuit breaker; none by default.
    ///   - settings: options.
    ///   - clock: the time of measurements, deadlines, backoff and token expiry (the wall clock by default).
    ///   - logger: where failures, retries and token fetches are logged; no secret is ever logged.
    ///   - messages: runs message actions (email, SMS, push); without one they fail as `unsupportedAction`.
    public init(
        transport: any HTTPTransport, gate: any CallGate = OpenGate(), settings: Settings = Settings(),
        clock: any EngineClock = SystemClock(), logger: Logger = Logger(label: "waymark.connectors"),
        messages: (any ExternalCallExecutor)? = nil
    ) {
        self.settings = settings
        self.gate = gate
        self.clock = clock
        self.logger = logger
        self.messages = messages
        preferredExecutors = transport.preferredExecutors
        let tokens = TokenStore(fetcher: TokenFetcher(transport: transport, clock: clock, logger: logger), clock: clock)
        runner = HTTPCallRunner(
            transport: transport, authenticator: RequestAuthenticator(tokens: tokens), clock: clock,
            retry: settings.retry, logger: logger)
        cache = ResponseCache(capacity: settings.responseCacheCapacity)
    }

    /// `scheme://host:port` of the call (of its first field group for a fetch); empty when unknown.
    public func endpoint(of request: ExternalCallRequest, configuration: Configuration) -> String {
        if let messages = messageExecutor(for: request, configuration: configuration) {
            return messages.endpoint(of: request, configuration: configuration)
        }
        return PlannedCall.origin(of: request, configuration: configuration, actionsTo: settings.actionsTo) ?? ""
    }

    /// `.at(slot)` when the gate throttles a call of the request to a later slot (the latest
    /// slot of a fetch's groups), else `.now`. Reserves the slots.
    public func admission(for request: ExternalCallRequest, configuration: Configuration, now: Int64) -> CallAdmission {
        if let messages = messageExecutor(for: request, configuration: configuration) {
            return messages.admission(for: request, configuration: configuration, now: now)
        }
        guard let targets = try? PlannedCall.targets(of: request, configuration: configuration, actionsTo: settings.actionsTo)
        else { return .now }
        let slot = targets.map { gate.reserveSlot(method: $0.method, url: $0.fullURL, now: now) }.max() ?? now
        return slot > now + settings.admissionTolerance ? .at(slot) : .now
    }

    /// Runs the request's calls and reports how they went; never throws.
    public func execute(_ request: ExternalCallRequest, configuration: Configuration) async -> ExternalCallResult {
        if let messages = messageExecutor(for: request, configuration: configuration) {
            return await messages.execute(request, configuration: configuration)
        }
        let started = clock.now()
        let deadline = started + min(max(request.timeout, settings.timeoutRange.lowerBound), settings.timeoutRange.upperBound)
        let calls: [PlannedCall]
        do throws(CallFailure) {
            calls = try PlannedCall.calls(of: request, configuration: configuration, actionsTo: settings.actionsTo)
        } catch {
            logger.notice("external call not made", metadata: ["callID": "\(request.id)", "error": "\(error.message)"])
            return ExternalCallResult(
                callID: request.id, status: nil, errorKind: error.kind, errorCode: error.code,
                executionTime: clock.now() - started)
        }
        let outcomes = await perform(calls, deadline: deadline)
        return result(of: request, outcomes: outcomes, started: started)
    }

    /// The executor of message actions, when the request runs one and there is one.
    private func messageExecutor(for request: ExternalCallRequest, configuration: Configuration) -> (any ExternalCallExecutor)? {
        guard let messages, request.kind == .action, let name = request.actionName,
            case .message = configuration.action(named: name)?.definition
        else { return nil }
        return messages
    }
}
