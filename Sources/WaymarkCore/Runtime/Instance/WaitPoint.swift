/// A node an instance waits at (an event, a reaction, a wait), with its timer.
public struct WaitPoint: Hashable, Sendable {
    /// The node.
    public var nodeID: String
    /// When the person reached it, milliseconds since the epoch.
    public var since: Int64
    /// The sequence number of its timer (`instanceID/t<n>`), `nil` when it has none.
    public var timer: UInt32?

    /// Creates a wait point.
    public init(nodeID: String, since: Int64, timer: UInt32? = nil) {
        self.nodeID = nodeID
        self.since = since
        self.timer = timer
    }
}
