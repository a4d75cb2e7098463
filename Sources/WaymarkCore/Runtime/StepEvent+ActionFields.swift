/// The action execution fields of a step event (empty on other steps).
extension StepEvent {
    public var actionID: String? {
        get { storage.fields.actionID }
        set { update { $0.actionID = newValue } }
    }
    public var actionName: String? {
        get { storage.fields.actionName }
        set { update { $0.actionName = newValue } }
    }
    public var actionType: String? {
        get { storage.fields.actionType }
        set { update { $0.actionType = newValue } }
    }
    public var actionParameterized: Bool? {
        get { storage.fields.actionParameterized }
        set { update { $0.actionParameterized = newValue } }
    }
    public var actionExecutionTime: Int64? {
        get { storage.fields.actionExecutionTime }
        set { update { $0.actionExecutionTime = newValue } }
    }
    public var actionExecutionError: String? {
        get { storage.fields.actionExecutionError }
        set { update { $0.actionExecutionError = newValue } }
    }
    public var actionExecutionErrorCode: String? {
        get { storage.fields.actionExecutionErrorCode }
        set { update { $0.actionExecutionErrorCode = newValue } }
    }
    public var actionExecutionOriginError: String? {
        get { storage.fields.actionExecutionOriginError }
        set { update { $0.actionExecutionOriginError = newValue } }
    }
    public var actionExecutionOriginCode: String? {
        get { storage.fields.actionExecutionOriginCode }
        set { update { $0.actionExecutionOriginCode = newValue } }
    }
    public var actionOriginEndpoint: String? {
        get { storage.fields.actionOriginEndpoint }
        set { update { $0.actionOriginEndpoint = newValue } }
    }
    public var actionOriginMethod: String? {
        get { storage.fields.actionOriginMethod }
        set { update { $0.actionOriginMethod = newValue } }
    }
    public var actionExecutionOriginStartTime: Int64? {
        get { storage.fields.actionExecutionOriginStartTime }
        set { update { $0.actionExecutionOriginStartTime = newValue } }
    }
    public var actionExecutionOriginTime: Int64? {
        get { storage.fields.actionExecutionOriginTime }
        set { update { $0.actionExecutionOriginTime = newValue } }
    }
    public var actionIsThrottled: Bool? {
        get { storage.fields.actionIsThrottled }
        set { update { $0.actionIsThrottled = newValue } }
    }
    public var actionWaitTime: Int64? {
        get { storage.fields.actionWaitTime }
        set { update { $0.actionWaitTime = newValue } }
    }
    public var actionBusinessType: String? {
        get { storage.fields.actionBusinessType }
        set { update { $0.actionBusinessType = newValue } }
    }
}
