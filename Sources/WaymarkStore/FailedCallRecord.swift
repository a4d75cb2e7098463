import WaymarkCore

/// An external call whose final result was an error (after its retries), kept so an operator
/// can list it and replay it (a dead letter).
public struct FailedCallRecord: Hashable, Sendable {
    /// The outbox row's id: the call's id and idempotency key (`ExternalCallRequest.id`).
    public var id: String
    /// Action or fetch.
    public var kind: ExternalCallKind
    public var partition: Int
    /// The instance that asked for the call.
    public var instanceID: String
    /// The person.
    public var profile: ProfileKey
    /// The request as the outbox row held it (an encoded `ExternalCallRequest`), to replay it.
    public var request: [UInt8]
    /// Why the call failed.
    public var errorKind: ExternalCallErrorKind
    /// A code for the failure (e.g. the HTTP status as text).
    public var errorCode: String?
    /// When the call failed, milliseconds since the epoch.
    public var failedAt: Int64
    /// How many attempts were made, when known (at least 1).
    public var attempts: Int?
    /// When an operator last replayed the call; `nil` until then.
    public var replayedAt: Int64?
    /// The HTTP status of the last replay, when an answer came.
    public var replayStatus: Int?
    /// Whether the last replay succeeded; `nil` until replayed.
    public var replaySucceeded: Bool?

    /// Creates a record of a call not replayed yet.
    public init(
        id: String, kind: ExternalCallKind, partition: Int, instanceID: String, profile: ProfileKey, request: [UInt8],
        errorKind: ExternalCallErrorKind, errorCode: String?, failedAt: Int64, attempts: Int? = nil
    ) {
        self.id = id
        self.kind = kind
        self.partition = partition
        self.instanceID = instanceID
        self.profile = profile
        self.request = request
        self.errorKind = errorKind
        self.errorCode = errorCode
        self.failedAt = failedAt
        self.attempts = attempts
    }

    /// The record of the outbox row `row` whose call ended with `result`, or `nil` when the
    /// call succeeded. A row whose kind is not `fetch` is an action, as the outbox dispatcher
    /// reads it.
    public init?(row: OutboxRecord, result: ExternalCallResult, failedAt: Int64, attempts: Int? = nil) {
        guard let errorKind = result.errorKind else { return nil }
        self.init(
            id: row.id, kind: ExternalCallKind(rawValue: row.kind) ?? .action, partition: row.partition,
            instanceID: row.instanceID, profile: row.profile, request: row.payload, errorKind: errorKind,
            errorCode: result.errorCode, failedAt: failedAt, attempts: attempts)
    }
}
