/// An external call an instance waits for (an action, or a fetch before a node runs).
public struct PendingCall: Hashable, Sendable {
    /// The node that made it.
    public var nodeID: String
    /// Action or fetch.
    public var kind: ExternalCallKind
    /// The sequence number in its id (`instanceID/nodeID/<n>`).
    public var sequence: UInt32
    /// When it was asked for, milliseconds since the epoch.
    public var since: Int64

    /// Creates a pending call.
    public init(nodeID: String, kind: ExternalCallKind, sequence: UInt32, since: Int64) {
        self.nodeID = nodeID
        self.kind = kind
        self.sequence = sequence
        self.since = since
    }
}
