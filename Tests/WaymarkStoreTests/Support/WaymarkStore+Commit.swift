import WaymarkStore

extension WaymarkStore {
    /// Commits one batch of partition 0 (never leased: generation 0), filled by `fill`.
    func commit(_ fill: (inout PartitionCommit) throws -> Void) async throws {
        var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
        try fill(&batch)
        try await commit([batch])
    }
}
