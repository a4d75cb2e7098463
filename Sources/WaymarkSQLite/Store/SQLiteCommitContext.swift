import WaymarkCore

/// What one commit transaction learns as it goes, to keep rows compact without re-reading.
struct SQLiteCommitContext {
    /// The instance a step event refers to: its row and profile.
    struct InstanceReference {
        var reference: Int64
        var profile: ProfileKey
    }

    /// Instances by id (written in this transaction or looked up).
    var instances: [String: InstanceReference] = [:]
    /// Step nodes found or created in this transaction (cached once it commits).
    var nodes: [StepNodeKey: Int64] = [:]
    /// The nodes this transaction used last, at most `recentNodeLimit`: a journey's steps
    /// share few nodes, found here without hashing their nine strings.
    private(set) var recentNodes: [(key: StepNodeKey, reference: Int64)] = []
    private var nextRecentNode = 0
    private static let recentNodeLimit = 16
    /// The position of the next step to write (known once this transaction wrote steps).
    var nextStepPosition: Int64?

    /// Keeps a node among the recent ones (replacing the oldest when full).
    mutating func remember(node key: StepNodeKey, _ reference: Int64) {
        if recentNodes.count < Self.recentNodeLimit {
            recentNodes.append((key, reference))
        } else {
            recentNodes[nextRecentNode] = (key, reference)
            nextRecentNode = (nextRecentNode + 1) % Self.recentNodeLimit
        }
    }
}
