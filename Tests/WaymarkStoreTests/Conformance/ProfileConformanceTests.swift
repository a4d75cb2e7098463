import Testing
import WaymarkCore
import WaymarkStore

@Suite struct ProfileConformanceTests {
    private let crm = ProfileKey(namespace: "CRM", id: "C-1")
    private let phone = ProfileKey(namespace: "Phone", id: "+33 6 00 00 00 01")

    @Test(arguments: StoreBackend.allCases)
    func upsertsMergeDeeplyAndAddIdentities(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let key = Sample.profile(1)
            try await store.upsertProfiles([
                ProfileRecord(
                    key: key, identities: [crm],
                    attributes: try Sample.json(#"{"person":{"name":"Ada","age":36},"tags":["a"],"plan":"free"}"#),
                    timeZone: "Europe/Paris", updatedAt: 1)
            ])
            try await store.upsertProfiles([
                ProfileRecord(
                    key: crm, identities: [phone],
                    attributes: try Sample.json(#"{"person":{"age":37,"city":"Lyon"},"tags":["b"],"plan":null}"#),
                    isTestProfile: true, updatedAt: 2)
            ])
            let expected = ProfileRecord(
                key: key, identities: [crm, phone],
                attributes: try Sample.json(#"{"person":{"name":"Ada","age":37,"city":"Lyon"},"tags":["b"],"plan":null}"#),
                isTestProfile: true, timeZone: "Europe/Paris", updatedAt: 2)

            let found = try await store.profiles([key, crm, phone, Sample.profile(2)])
            #expect(found == [key: expected, crm: expected, phone: expected])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func linkingIdentitiesKeepsFlagsZoneAndAttributes(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let key = Sample.profile(1)
            let attributes = try Sample.json(#"{"plan":"pro"}"#)
            try await store.upsertProfiles([
                ProfileRecord(key: key, attributes: attributes, isTestProfile: true, timeZone: "Europe/Paris", updatedAt: 1)
            ])
            try await store.linkIdentities([(key, [crm]), (Sample.profile(2), [phone])], at: 2)
            let expected = ProfileRecord(
                key: key, identities: [crm], attributes: attributes, isTestProfile: true, timeZone: "Europe/Paris",
                updatedAt: 2)
            let found = try await store.profiles([crm, phone])
            #expect(found[crm] == expected)
            #expect(found[phone]?.key == Sample.profile(2))
            #expect(found[phone]?.isTestProfile == false)
            #expect(found[phone]?.identities == [phone])

            // Identities of two different people: nothing of the batch is written.
            await #expect(throws: StoreError.self) {
                try await store.linkIdentities([(Sample.profile(3), [ProfileKey(namespace: "X", id: "3")]), (crm, [phone])], at: 3)
            }
            #expect(try await store.profiles([Sample.profile(3)]).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func anIdentityBelongsToOneProfile(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.upsertProfiles([
                ProfileRecord(key: Sample.profile(1), identities: [crm], updatedAt: 1),
                ProfileRecord(key: Sample.profile(2), updatedAt: 1),
            ])
            await expectStoreError(.constraint) {
                try await store.upsertProfiles([
                    ProfileRecord(key: Sample.profile(3), updatedAt: 2),
                    ProfileRecord(key: Sample.profile(2), identities: [crm], updatedAt: 2),
                ])
            }
            let found = try await store.profiles([Sample.profile(2), Sample.profile(3), crm])
            #expect(found[Sample.profile(2)]?.identities == [])
            #expect(found[Sample.profile(3)] == nil)
            #expect(found[crm]?.key == Sample.profile(1))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func profileUpdatesSetFieldsAndCreateUnknownProfiles(backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.upsertProfiles([
                ProfileRecord(key: Sample.profile(1), identities: [crm], attributes: try Sample.json(#"{"loyalty":5}"#), updatedAt: 1)
            ])
            var batch = PartitionCommit(partition: 0, leaseGeneration: 0)
            batch.profileUpdates = [
                ProfileFieldUpdate(profile: crm, path: "loyalty.tier", value: .string("gold")),
                ProfileFieldUpdate(profile: crm, path: "loyalty.points", value: .int(10)),
                ProfileFieldUpdate(profile: Sample.profile(2), path: "welcomed", value: .bool(true)),
            ]
            try await store.commit([batch])
            let found = try await store.profiles([Sample.profile(1), Sample.profile(2)])
            #expect(found[Sample.profile(1)]?.attributes == (try Sample.json(#"{"loyalty":{"tier":"gold","points":10}}"#)))
            #expect(found[Sample.profile(2)]?.attributes == (try Sample.json(#"{"welcomed":true}"#)))

            batch.profileUpdates = [ProfileFieldUpdate(profile: crm, path: "a..b", value: .null)]
            await expectStoreError(.constraint) { try await store.commit([batch]) }
        }
    }
}
