/// The outcome of an external call (a custom action, a message or a data fetch), produced by the
/// connectors and delivered to the instance through the inbox.
public struct ExternalCallResult: Hashable, Sendable {
    /// The request's id (`ExternalCallRequest.id`, the outbox row id).
    public var callID: String
    /// The final HTTP status, when an answer came.
    public var status: Int?
    /// The response body (for a fetch: an object keyed `DataSource.FieldGroup`).
    public var response: JSONValue
    /// Why the call failed; `nil` on success.
    public var errorKind: ExternalCallErrorKind?
    /// A code for the failure (e.g. the HTTP status as text).
    public var errorCode: String?
    /// Milliseconds from the request to the result, throttling queue included.
    public var executionTime: Int64
    /// Milliseconds spent in a throttling queue.
    public var waitTime: Int64
    /// When the final attempt started, milliseconds since the epoch.
    public var originStartTime: Int64?
    /// Milliseconds of the final attempt.
    public var originTime: Int64?
    /// The error of the attempt before the retry that timed out.
    public var originError: String?
    /// The code of that error.
    public var originErrorCode: String?
    /// The URL called.
    public var endpoint: String?
    /// The HTTP method used.
    public var method: String?
    /// How many calls a fetch made (one per field group); `1` for actions.
    public var callCount: Int

    /// Creates a result; success unless `errorKind` is given.
    public init(
        callID: String, status: Int? = 200, response: JSONValue = .object(OrderedFields()),
        errorKind: ExternalCallErrorKind? = nil, errorCode: String? = nil, executionTime: Int64 = 0, waitTime: Int64 = 0,
        originStartTime: Int64? = nil, originTime: Int64? = nil, originError: String? = nil,
        originErrorCode: String? = nil, endpoint: String? = nil, method: String? = nil, callCount: Int = 1
    ) {
        self.callID = callID
        self.status = status
        self.response = response
        self.errorKind = errorKind
        self.errorCode = errorCode
        self.executionTime = executionTime
        self.waitTime = waitTime
        self.originStartTime = originStartTime
        self.originTime = originTime
        self.originError = originError
        self.originErrorCode = originErrorCode
        self.endpoint = endpoint
        self.method = method
        self.callCount = callCount
    }

    /// Whether the call succeeded.
    public var succeeded: Bool { errorKind == nil }
}
