/// The last errors and call times of an instance: what `@journey{lastErrorCode}` and friends read.
public struct InstanceErrorInfo: Hashable, Sendable {
    public var lastNodeIDInError: String?
    public var lastErrorCode: String?
    public var lastExecutedActionErrorCode: String?
    public var lastDataFetchErrorCode: String?
    /// Milliseconds of the last action call.
    public var lastActionExecutionElapsedTime: Int64?
    /// Milliseconds of the last data fetch.
    public var lastDataFetchElapsedTime: Int64?

    /// Creates empty information.
    public init() {}

    /// Whether nothing is recorded.
    public var isEmpty: Bool { self == InstanceErrorInfo() }
}
