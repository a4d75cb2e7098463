import Foundation
import Testing
import WaymarkCore
import WaymarkStore

@Suite struct ConfigAndLeaseConformanceTests {
    private func example(_ path: String) throws -> ConfigDocument {
        let examples = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../../examples")
        let data = try Data(contentsOf: examples.appending(path: path))
        return try ConfigDocument.decode(from: Array(data))
    }

    @Test(arguments: StoreBackend.allCases)
    func configsAreKeyedByKindAndNameAndJourneysByVersion(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let event = try example("events/signup.json")
            let action = try example("actions/welcome-email.json")
            guard case .journey(let journey) = try example("journeys/cart-abandonment.json") else {
                Issue.record("cart-abandonment.json is not a journey")
                return
            }
            var next = journey
            next.version = JourneyVersion(major: journey.version.major + 1)
            try await store.saveConfigs([event, action, .journey(journey)])
            try await store.saveConfigs([.journey(next), event])
            var renamed = journey
            renamed.description = "replaced"
            try await store.saveConfigs([.journey(renamed)])

            let saved = try await store.configs()
            #expect(saved.count == 4)
            #expect(Set(saved) == [event, action, .journey(renamed), .journey(next)])

            // Deleting one journey version keeps the other; an unknown key is ignored.
            try await store.deleteConfigs([.journey(journey), try example("events/order_placed.json")])
            #expect(Set(try await store.configs()) == [event, action, .journey(next)])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func leasesChangeGenerationWhenTheOwnerChanges(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            #expect(try await store.acquireLease(partition: 3, owner: "a", now: 0, expiresAt: 100) == 1)
            #expect(try await store.acquireLease(partition: 3, owner: "a", now: 50, expiresAt: 150) == 1)
            #expect(try await store.acquireLease(partition: 3, owner: "b", now: 149, expiresAt: 300) == nil)
            #expect(try await store.acquireLease(partition: 4, owner: "b", now: 149, expiresAt: 300) == 1)
            #expect(try await store.acquireLease(partition: 3, owner: "b", now: 150, expiresAt: 300) == 2)
            #expect(try await store.acquireLease(partition: 3, owner: "a", now: 300, expiresAt: 400) == 3)

            var batch = PartitionCommit(partition: 3, leaseGeneration: 3)
            batch.counterIncrements = ["fenced": 1]
            try await store.commit([batch])
            batch.leaseGeneration = 2
            await expectStoreError(.leaseLost) { try await store.commit([batch]) }
            #expect(try await store.counter("fenced") == 1)
        }
    }
}
