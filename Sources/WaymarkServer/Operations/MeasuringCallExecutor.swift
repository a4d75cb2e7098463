import WaymarkCore
import WaymarkEngine

/// An executor that makes its calls through another and records each one's kind, outcome and
/// duration in the server's metrics.
struct MeasuringCallExecutor: ExternalCallExecutor {
    let base: any ExternalCallExecutor
    let metrics: ServerMetrics

    func endpoint(of request: ExternalCallRequest, configuration: Configuration) -> String {
        base.endpoint(of: request, configuration: configuration)
    }

    func admission(for request: ExternalCallRequest, configuration: Configuration, now: Int64) -> CallAdmission {
        base.admission(for: request, configuration: configuration, now: now)
    }

    var preferredExecutors: [any TaskExecutor] { base.preferredExecutors }

    func execute(_ request: ExternalCallRequest, configuration: Configuration) async -> ExternalCallResult {
        let result = await base.execute(request, configuration: configuration)
        metrics.recordCall(
            kind: request.kind.rawValue, outcome: result.errorKind?.rawValue ?? "ok",
            seconds: Double(result.executionTime) / 1_000)
        return result
    }
}
