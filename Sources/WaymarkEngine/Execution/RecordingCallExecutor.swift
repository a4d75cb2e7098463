import Synchronization
import WaymarkCore

/// An executor that records every request and answers success, or what it is told to answer.
/// For tests, `simulate` and benchmarks only.
///
/// Actions answer `200` with an empty object, or go on to a real executor when one is given
/// (`simulate --actions-to`); fetches answer each field group with its example payload from the
/// data source config, so simulated journeys can read external fields.
public final class RecordingCallExecutor: ExternalCallExecutor {
    /// Decides the answer to a request; `nil` leaves the default success.
    public typealias Responder = @Sendable (ExternalCallRequest) -> ExternalCallResult?

    private struct State {
        var calls: [ExternalCallRequest] = []
        var callCount = 0
        var responder: Responder?
        var records = true
    }

    private let state: Mutex<State>
    /// Where actions go after being recorded, if anywhere.
    private let actionExecutor: (any ExternalCallExecutor)?

    /// Creates an executor.
    /// - Parameters:
    ///   - recordsCalls: keep every request (`calls`); benchmarks turn it off and read `callCount`.
    ///   - actionExecutor: runs the actions (not the fetches) after they are recorded, unless the responder answers.
    ///   - responder: answers requests instead of the default success.
    public init(recordsCalls: Bool = true, forwardingActionsTo actionExecutor: (any ExternalCallExecutor)? = nil, responder: Responder? = nil) {
        state = Mutex(State(responder: responder, records: recordsCalls))
        self.actionExecutor = actionExecutor
    }

    /// The requests received, in order (when recording).
    public var calls: [ExternalCallRequest] { state.withLock { $0.calls } }

    /// The number of requests received.
    public var callCount: Int { state.withLock { $0.callCount } }

    /// Replaces the responder (e.g. to make an action fail from now on).
    public func respond(with responder: Responder?) {
        state.withLock { $0.responder = responder }
    }

    /// Makes every call of the action named `name` fail with `kind` (and `errorCode`).
    public func fail(action name: String, with kind: ExternalCallErrorKind, errorCode: String? = nil) {
        respond { request in
            guard request.actionName == name else { return nil }
            return ExternalCallResult(
                callID: request.id, status: kind == .http ? Int(errorCode ?? "500") : nil, errorKind: kind,
                errorCode: errorCode)
        }
    }

    /// Records the request and answers with the responder's result, else success.
    public func execute(_ request: ExternalCallRequest, configuration: Configuration) async -> ExternalCallResult {
        let responder = state.withLock { state in
            state.callCount += 1
            if state.records { state.calls.append(request) }
            return state.responder
        }
        if let answer = responder?(request) { return answer }
        if let actionExecutor, request.kind == .action { return await actionExecutor.execute(request, configuration: configuration) }
        return ExternalCallResult(callID: request.id, response: Self.defaultResponse(to: request, configuration: configuration))
    }

    /// The forwarding executor's endpoint for actions; one endpoint for everything else.
    public func endpoint(of request: ExternalCallRequest, configuration: Configuration) -> String {
        guard let actionExecutor, request.kind == .action else { return "" }
        return actionExecutor.endpoint(of: request, configuration: configuration)
    }

    /// The forwarding executor's admission for actions; now for everything else.
    public func admission(for request: ExternalCallRequest, configuration: Configuration, now: Int64) -> CallAdmission {
        guard let actionExecutor, request.kind == .action else { return .now }
        return actionExecutor.admission(for: request, configuration: configuration, now: now)
    }

    /// Actions: `{}`. Fetches: `{"DataSource.FieldGroup": <example payload>}` for each group.
    static func defaultResponse(to request: ExternalCallRequest, configuration: Configuration) -> JSONValue {
        var fields = OrderedFields<JSONValue>()
        for fetch in request.fetches {
            let group = configuration.dataSource(named: fetch.dataSource)?.fieldGroups.first { $0.name == fetch.fieldGroup }
            fields[fetch.key] = group?.examplePayload ?? .object(OrderedFields())
        }
        return .object(fields)
    }
}
