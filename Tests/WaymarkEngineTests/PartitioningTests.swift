import Testing
import WaymarkCore

@Suite struct PartitioningTests {
    @Test func partitionsAreStableAndSpread() {
        let keys = (0..<1000).map { ProfileKey(namespace: "Email", id: "person\($0)@example.com") }
        let partitions = keys.map { $0.partition(of: 8) }
        #expect(partitions == keys.map { $0.partition(of: 8) })
        #expect(ProfileKey(namespace: "Email", id: "a@b.c").partition(of: 8) == 7)  // FNV-1a of "Email:a@b.c", checked independently
        let counts = Dictionary(grouping: partitions, by: { $0 }).mapValues(\.count)
        #expect(counts.count == 8)
        #expect(counts.values.allSatisfy { $0 > 80 })
    }
}
