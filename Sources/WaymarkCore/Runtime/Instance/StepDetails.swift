/// The fields a step carries besides the common ones: those of the call result the node
/// received (action execution fields, data fetch fields).
enum StepDetails {
    /// Only the common fields.
    case none
    /// An action node's call ended with this result.
    case action(ExternalCallResult, config: ActionConfig?, parameterized: Bool)
    /// The node's data fetch ended with this result.
    case fetch(ExternalCallResult)

    /// Fills the step's fields of this kind.
    func fill(_ step: inout StepEvent) {
        switch self {
        case .none: return
        case .action(let result, let config, let parameterized):
            Self.fillAction(&step, result: result, config: config, parameterized: parameterized)
        case .fetch(let result): Self.fillFetch(&step, result: result)
        }
    }

    /// The action execution fields of the step of an action node.
    private static func fillAction(_ step: inout StepEvent, result: ExternalCallResult, config: ActionConfig?, parameterized: Bool) {
        step.actionID = config?.name
        step.actionName = config?.name
        if let config {
            switch config.definition {
            case .custom(let custom):
                step.actionType = "custom"
                step.actionBusinessType = "customer"
                step.actionOriginEndpoint = result.endpoint ?? custom.url
                step.actionOriginMethod = result.method ?? custom.method.rawValue
            case .message(let message):
                step.actionType = message.channel.rawValue
                step.actionBusinessType = "builtin"
                step.actionOriginEndpoint = result.endpoint
                step.actionOriginMethod = result.method
            }
        }
        step.actionParameterized = parameterized
        step.actionExecutionTime = result.executionTime
        step.actionExecutionError = result.errorKind?.actionErrorName
        step.actionExecutionErrorCode = result.errorKind == nil ? nil : result.errorCode ?? result.status.map(String.init)
        step.actionExecutionOriginError = result.originError
        step.actionExecutionOriginCode = result.originErrorCode
        step.actionExecutionOriginStartTime = result.originStartTime
        step.actionExecutionOriginTime = result.originTime
        step.actionIsThrottled = result.waitTime > 0
        step.actionWaitTime = result.waitTime
    }

    /// The data fetch fields of the step of a node that fetched external data.
    private static func fillFetch(_ step: inout StepEvent, result: ExternalCallResult) {
        step.fetchTotalTime = result.executionTime
        step.fetchCount = Int64(result.callCount)
        step.fetchCustomTotalTime = result.executionTime
        step.fetchCustomCount = Int64(result.callCount)
        step.fetchPlatformTotalTime = 0
        step.fetchPlatformCount = 0
        if let kind = result.errorKind {
            step.fetchTypeInError = "custom"
            step.fetchError = kind.fetchErrorName
            step.fetchErrorCode = result.errorCode ?? result.status.map(String.init)
            step.fetchOriginError = result.originError
            step.fetchOriginErrorCode = result.originErrorCode
        }
    }
}
