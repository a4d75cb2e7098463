import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkSQLite
import WaymarkStore

@Suite struct SQLiteStoreTests {
    @Test func reopeningTheFileKeepsEverything() async throws {
        try await TemporaryDirectory.with { directory in
            let profile = ProfileRecord(
                key: Sample.profile(1), identities: [ProfileKey(namespace: "CRM", id: "C-1")],
                attributes: try Sample.json(#"{"plan":"pro"}"#), isTestProfile: true, timeZone: "Europe/Paris", updatedAt: 7)
            do {
                let store = try SQLiteStore(directory: directory.path)
                _ = try await store.acquireLease(partition: 0, owner: "a", now: 0, expiresAt: 100)
                _ = try await store.appendToInbox([Sample.event("e1"), Sample.event("e2")])
                try await store.upsertProfiles([profile])
                var batch = PartitionCommit(partition: 0, leaseGeneration: 1)
                batch.acceptedEventIDs = ["ingested"]
                batch.instances = [Sample.instance("i1", timers: [Sample.timer("t1", dueAt: 50)])]
                batch.outbox = [Sample.outbox("o1", availableAt: 0)]
                batch.stepEvents = [Sample.step("s1", detailed: true), Sample.step("s2")]
                batch.discards = [DiscardRecord(eventID: "x", reason: .backlogFull, timestamp: 3)]
                batch.counterIncrements = ["c": 4]
                try await store.commit([batch])
            }
            let store = try SQLiteStore(directory: directory.path)
            #expect(try await store.inboxEntries(partition: 0, after: 0, limit: 10).map(\.eventID) == ["e1", "e2"])
            #expect(try await store.appendToInbox([Sample.event("e1")]) == [.duplicate])
            #expect(try await store.profiles([Sample.profile(1)])[Sample.profile(1)] == profile)
            #expect(try await store.acceptedEventIDs(among: ["ingested", "e1", "other"]) == ["ingested", "e1"])
            #expect(try await store.instance(id: "i1") == Sample.instance("i1", timers: [Sample.timer("t1", dueAt: 50)]))
            #expect(try await store.nextTimerDue(partitions: nil) == 50)
            #expect(try await store.dueProfiles(partition: 0, now: 50, limit: 10) == [Sample.profile(1)])
            #expect(try await store.outboxEntries(availableAt: 0, limit: 10) == [Sample.outbox("o1", availableAt: 0)])
            #expect(try await store.stepEvents(instanceID: "i1") == [Sample.step("s1", detailed: true), Sample.step("s2")])
            #expect(try await store.discards(offset: 0, limit: 10).map(\.reason) == [.backlogFull])
            #expect(try await store.counter("c") == 4)
            #expect(try await store.acquireLease(partition: 0, owner: "b", now: 100, expiresAt: 200) == 2)
        }
    }

    @Test func stepEventsReferToTheRowsOfInstancesCreatedOrUpdatedInTheirCommit() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            let waiting = Sample.instance("i1", timers: [Sample.timer("i1/t1", dueAt: 10)])
            try await store.commit {
                $0.instances = [waiting]
                $0.stepEvents = [Sample.step("s1")]
            }
            var fired = waiting
            fired.timers = []
            var next = Sample.step("s2")
            next.parentStepID = "s1"
            var other = Sample.step("s3", instance: "i2")
            other.profileID = "person2@example.com"
            other.externalKey = "person2@example.com"
            try await store.commit {
                $0.instances = [fired, Sample.instance("i2", profile: Sample.profile(2))]
                $0.stepEvents = [next, other]
            }
            #expect(try await store.stepEvents(instanceID: "i1") == [Sample.step("s1"), next])
            #expect(try await store.stepEvents(instanceID: "i2") == [other])

            let raw = try DatabaseQueue(path: store.path)
            let groups = try raw.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT i.instance_id, g.instanceID, g.steps, json_array_length(g.steps) FROM step_event_groups g
                        LEFT JOIN instances i ON i.ref = g.instance ORDER BY g.position
                        """)
            }
            try raw.close()
            // Compact groups: each refers to its instance's row; the profile, and a parent that is
            // the previous step, left out of the steps. The second commit's i1 step names its
            // parent (the first step of a group).
            #expect(groups.map { $0[0] as String? } == ["i1", "i1", "i2"])
            #expect(groups.allSatisfy { ($0[1] as String?) == nil && ($0[3] as Int) == 1 })
            let steps = groups.map { $0[2] as String }
            #expect(steps.allSatisfy { !$0.contains(#""pi""#) && !$0.contains(#""pn""#) })
            #expect(steps[1].contains(#""p":"s1""#))
        }
    }

    @Test func dueProfilesSearchTheDueIndexInDueOrder() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            let raw = try DatabaseQueue(path: store.path)
            let plan = try raw.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(SQLiteStore.dueInstancesSQL)", arguments: [0, 0]).map { $0["detail"] as String }
            }
            try raw.close()
            // One range search of the due index, already in due order: no scan, no sort.
            #expect(plan.count == 1, "\(plan)")
            #expect(plan.first?.hasPrefix("SEARCH instances USING INDEX instances_by_due_at (due_at") == true, "\(plan)")
        }
    }

    @Test(arguments: SQLiteStore.Durability.allCases)
    func durabilityIsTheSynchronousSetting(durability: SQLiteStore.Durability) async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.url.appending(path: "nested/data").path, durability: durability)
            #expect(try await store.synchronousSetting() == (durability == .full ? 2 : 1))
            #expect(FileManager.default.fileExists(atPath: store.path))
        }
    }

    @Test func aFileThatIsNotADatabaseIsRefused() async throws {
        try await TemporaryDirectory.with { directory in
            let file = directory.url.appending(path: SQLiteStore.fileName)
            try Data(repeating: 0x5A, count: 8_192).write(to: file)
            let error = #expect(throws: StoreError.self) { try SQLiteStore(directory: directory.path) }
            #expect(error?.code == .corrupt)
        }
    }

    @Test func corruptRowsAreReportedNotTrusted() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            _ = try await store.appendToInbox([Sample.event("e1")])
            try await store.upsertProfiles([ProfileRecord(key: Sample.profile(1), updatedAt: 1)])
            try await store.commit {
                $0.stepEvents = [Sample.step("s1")]
                $0.instances = [
                    Sample.instance("i1", timers: [Sample.timer("i1/t1", dueAt: 5)]), Sample.instance("i2", profile: Sample.profile(2)),
                ]
            }
            try await store.saveConfigs([])

            let raw = try DatabaseQueue(path: store.path)
            try await raw.write { db in
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                try db.execute(sql: "UPDATE inbox SET kind = 'bogus'")
                try db.execute(sql: "UPDATE profiles SET attributes = 'not json'")
                try db.execute(sql: #"UPDATE step_event_groups SET steps = json_set(steps, '$[0].d', json('{"actionID": 5}'))"#)
                try db.execute(sql: "INSERT INTO configs (kind, name, version, document) VALUES ('event', 'broken', '', '{}')")
                try db.execute(sql: "UPDATE instances SET timers = X'05' WHERE instance_id = 'i1'")
                try db.execute(sql: "UPDATE instances SET state = 'text' WHERE instance_id = 'i2'")
            }
            try raw.close()

            await expectStoreError(.corrupt) { _ = try await store.inboxEntries(partition: 0, after: 0, limit: 10) }
            await expectStoreError(.corrupt) { _ = try await store.profiles([Sample.profile(1)]) }
            await expectStoreError(.corrupt) { _ = try await store.stepEvents(offset: 0, limit: 10) }
            await expectStoreError(.corrupt) { _ = try await store.configs() }
            await expectStoreError(.corrupt) { _ = try await store.instance(id: "i1") }
            await expectStoreError(.corrupt) { _ = try await store.instances(of: [Sample.profile(2)]) }
            // A failed read leaves nothing behind: the next one starts afresh.
            #expect(try await store.instances(of: [Sample.profile(5)]).isEmpty)
        }
    }

    @Test func analystsQueryStepEventsByTheirFieldNames() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            var other = Sample.step("s2")
            other.instanceID = "no-such-instance"
            other.profileID = "someone"
            try await store.commit {
                $0.instances = [Sample.instance("i1")]
                $0.stepEvents = [Sample.step("s1", detailed: true), other]
            }
            let raw = try DatabaseQueue(path: store.path)
            let rows = try raw.read { db in try Row.fetchAll(db, sql: "SELECT * FROM step_events ORDER BY position") }
            try raw.close()
            let first = try #require(rows.first)
            let columns = Set(first.columnNames)
            let fields = [
                "entrance", "reentrance", "instanceEnded", "eventID", "nodeID", "nodeName", "nodeType", "stepID", "stepName",
                "stepType", "stepStatus", "journeyID", "journeyVersionID", "journeyVersionName", "journeyVersion", "instanceID",
                "externalKey", "parentStepID", "parentStepName", "parentTransitionID", "parentTransitionName", "inTest",
                "processingTime", "instanceType", "timestamp", "profileID", "profileNamespace", "actionID", "actionExecutionTime",
                "actionIsThrottled", "fetchTotalTime", "fetchCustomCount",
            ]
            #expect(columns.isSuperset(of: fields), "\(Set(fields).subtracting(columns))")
            #expect(first["stepStatus"] == "transitions")
            #expect(first["instanceType"] == "batch")
            #expect(first["instanceEnded"] == true)
            #expect(first["instanceID"] == "i1")
            #expect(first["profileID"] == "person1@example.com")
            #expect(first["externalKey"] == "person1@example.com")
            #expect(first["actionOriginEndpoint"] == "https://mail.example.com/send")
            #expect(first["actionExecutionTime"] == 120)
            #expect(rows.last?["instanceID"] == "no-such-instance")
            #expect(rows.last?["profileID"] == "someone")
            #expect(rows.last?["externalKey"] == "person1@example.com")
        }
    }
}
