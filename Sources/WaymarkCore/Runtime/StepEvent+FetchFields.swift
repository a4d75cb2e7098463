/// The data fetch fields of a step event (empty on other steps).
extension StepEvent {
    public var fetchTotalTime: Int64? {
        get { storage.fields.fetchTotalTime }
        set { update { $0.fetchTotalTime = newValue } }
    }
    public var fetchTypeInError: String? {
        get { storage.fields.fetchTypeInError }
        set { update { $0.fetchTypeInError = newValue } }
    }
    public var fetchError: String? {
        get { storage.fields.fetchError }
        set { update { $0.fetchError = newValue } }
    }
    public var fetchErrorCode: String? {
        get { storage.fields.fetchErrorCode }
        set { update { $0.fetchErrorCode = newValue } }
    }
    public var fetchOriginError: String? {
        get { storage.fields.fetchOriginError }
        set { update { $0.fetchOriginError = newValue } }
    }
    public var fetchOriginErrorCode: String? {
        get { storage.fields.fetchOriginErrorCode }
        set { update { $0.fetchOriginErrorCode = newValue } }
    }
    public var fetchCount: Int64? {
        get { storage.fields.fetchCount }
        set { update { $0.fetchCount = newValue } }
    }
    public var fetchPlatformTotalTime: Int64? {
        get { storage.fields.fetchPlatformTotalTime }
        set { update { $0.fetchPlatformTotalTime = newValue } }
    }
    public var fetchPlatformCount: Int64? {
        get { storage.fields.fetchPlatformCount }
        set { update { $0.fetchPlatformCount = newValue } }
    }
    public var fetchCustomTotalTime: Int64? {
        get { storage.fields.fetchCustomTotalTime }
        set { update { $0.fetchCustomTotalTime = newValue } }
    }
    public var fetchCustomCount: Int64? {
        get { storage.fields.fetchCustomCount }
        set { update { $0.fetchCustomCount = newValue } }
    }
}
