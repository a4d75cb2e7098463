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
    /// The position of the next step to write (known once this transaction wrote steps).
    var nextStepPosition: Int64?
}
