import Logging
import WaymarkCore

extension HTTPCallExecutor {
    /// Makes the calls, concurrently when there are several; outcomes in the order of `calls`.
    func perform(_ calls: [PlannedCall], deadline: Int64) async -> [CallOutcome] {
        if calls.count == 1 { return [await perform(calls[0], deadline: deadline)] }
        return await withTaskGroup(of: (Int, CallOutcome).self) { group in
            for (index, call) in calls.enumerated() {
                group.addTask { (index, await self.perform(call, deadline: deadline)) }
            }
            var outcomes = [CallOutcome?](repeating: nil, count: calls.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.compactMap { $0 }
        }
    }

    /// One call: its cached answer, or the gate's verdict, then the call and its report to the gate.
    func perform(_ call: PlannedCall, deadline: Int64) async -> CallOutcome {
        let spec = call.spec
        let now = clock.now()
        if let key = call.cacheKey, let cached = cache.value(for: key, now: now) {
            return CallOutcome(answer: .success(cached), status: 200, endpoint: spec.redactedURL, method: spec.method)
        }
        let host = spec.origin
        switch gate.check(method: spec.method, url: spec.fullURL, host: host, now: now) {
        case .proceed: break
        case .capped: return report(.notAttempted(.capped(endpoint: host), spec: spec))
        case .circuitOpen: return report(.notAttempted(.circuitOpen(endpoint: host), spec: spec))
        }
        let outcome = await runner.run(spec, authentication: call.authentication, deadline: deadline)
        gate.record(host: host, succeeded: !(outcome.failure?.countsAgainstHost ?? false), now: clock.now())
        if case .success(let value) = outcome.answer, let key = call.cacheKey, let ttl = call.cacheTTL {
            cache.insert(value, for: key, expiresAt: clock.now() + ttl)
        }
        return report(outcome)
    }

    /// Logs a failed outcome (without secrets) and returns it.
    private func report(_ outcome: CallOutcome) -> CallOutcome {
        if let failure = outcome.failure {
            logger.notice(
                "external call failed: \(failure.message)",
                metadata: [
                    "method": "\(outcome.method.rawValue)", "endpoint": "\(outcome.endpoint)",
                    "errorKind": "\(failure.kind.rawValue)", "errorCode": "\(failure.code)",
                    "attempts": "\(outcome.attempts)",
                ])
        }
        return outcome
    }

    /// The result of a request from the outcomes of its calls: the first failure decides, else
    /// the last call made; a fetch's response is keyed `DataSource.FieldGroup` (no group: `{}`).
    func result(of request: ExternalCallRequest, outcomes: [CallOutcome], started: Int64) -> ExternalCallResult {
        guard
            let decisive = outcomes.first(where: { $0.failure != nil })
                ?? outcomes.max(by: { ($0.originStartTime ?? .min) < ($1.originStartTime ?? .min) })
        else {
            return ExternalCallResult(callID: request.id, executionTime: clock.now() - started, callCount: 0)
        }
        let response: JSONValue
        switch request.kind {
        case .action:
            response = (try? decisive.answer.get()) ?? .object(OrderedFields())
        case .fetch:
            var groups = OrderedFields<JSONValue>()
            for (fetch, outcome) in zip(request.fetches, outcomes) {
                groups[fetch.key] = (try? outcome.answer.get()) ?? .object(OrderedFields())
            }
            response = .object(groups)
        }
        let failure = decisive.failure
        let previous = decisive.previousFailure
        return ExternalCallResult(
            callID: request.id, status: decisive.status, response: failure == nil ? response : .object(OrderedFields()),
            errorKind: failure?.kind, errorCode: failure?.code, executionTime: clock.now() - started,
            originStartTime: decisive.originStartTime, originTime: decisive.originTime,
            originError: previous.map { request.kind == .fetch ? $0.kind.fetchErrorName : $0.kind.actionErrorName },
            originErrorCode: previous?.code, endpoint: decisive.endpoint, method: decisive.method.rawValue,
            callCount: request.kind == .fetch ? outcomes.count : 1)
    }
}
