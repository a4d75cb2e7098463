/// The last errors and call times of an instance: what `@journey{lastErrorCode}` and friends read.
public struct InstanceErrorInfo: Hashable, Sendable {
    /// The last node that failed (`lastNodeUIDInError`).
    public var lastNodeIDInError: String?
    /// The code of its failure (`lastErrorCode`).
    public var lastErrorCode: String?
    /// The error code of the last failed action (`lastExecutedActionErrorCode`).
    public var lastExecutedActionErrorCode: String?
    /// The error code of the last failed fetch (`lastDataFetchErrorCode`).
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
