import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkSQLite
import WaymarkStore

@Suite struct SQLiteMigrationTests {
    /// A database as the first schema left it: instances, timer rows (found by the instance's
    /// row or, written before it, by its id; one of an unknown instance) and fired timers still
    /// in the inbox.
    private static let firstSchemaRows = """
        INSERT INTO instances (ref, instance_id, journey_id, journey_version_id, profile_namespace, profile_id, partition,
            is_active, in_test, state, entered_at, updated_at) VALUES
            (1, 'i1', 'welcome', 'welcome-v1', 'Email', 'person1@example.com', 0, 1, 0, X'010203', 1000, 2000),
            (2, 'i2', 'welcome', 'welcome-v1', 'Email', 'person2@example.com', 0, NULL, 0, X'', 1000, 2000),
            (3, 'i3', 'welcome', 'welcome-v1', 'Email', 'person3@example.com', 1, 1, 0, X'03', 1000, 2000),
            (4, 'i4', 'winback', 'winback-v1', 'Email', 'person1@example.com', 0, 1, 0, X'04', 1000, 2000);
        INSERT INTO timers (timer_id, partition, instance, instance_id, profile_namespace, profile_id, due_at, payload) VALUES
            ('i1/t1', 0, 1, NULL, NULL, NULL, 300, X'0177'),
            ('i1/g', 0, 1, NULL, 'Email', 'person9@example.com', 100, X'0467'),
            ('i2/t1', 0, 2, NULL, NULL, NULL, 50, X'01'),
            ('i3/t1', 1, NULL, 'i3', 'Email', 'person3@example.com', 70, X'0133'),
            ('ghost/t1', 0, NULL, 'ghost', 'Email', 'person5@example.com', 10, X'01');
        INSERT INTO inbox (partition, kind, event_id, event_name, profile_namespace, profile_id, payload, received_at) VALUES
            (0, 'event', 'e1', 'signup', 'Email', 'person1@example.com', X'7B7D', 30),
            (0, 'timer', 'i1/t9', NULL, 'Email', 'person1@example.com', X'0166', 40),
            (0, 'timer', 'gone/t1', NULL, 'Email', 'person1@example.com', X'01', 45);
        INSERT INTO inbox_accepted (event_id, kind) VALUES ('e1', 'event'), ('i1/t9', 'timer'), ('gone/t1', 'timer');
        """

    @Test func migration0002FoldsTheTimersOfTheFirstSchemaIntoTheirInstances() async throws {
        try await TemporaryDirectory.with { directory in
            let old = try DatabaseQueue(path: directory.url.appending(path: SQLiteStore.fileName).path)
            try SQLiteMigrations.migrator.migrate(old, upTo: SQLiteMigrations.identifiers[0])
            try await old.write { db in try db.execute(sql: Self.firstSchemaRows) }
            try old.close()

            let store = try SQLiteStore(directory: directory.path)
            let first = try #require(try await store.instance(id: "i1"))
            #expect(first.timers == [
                InstanceTimer(id: "i1/t9", dueAt: 40, payload: [1, 0x66]), InstanceTimer(id: "i1/g", dueAt: 100, payload: [4, 0x67]),
                InstanceTimer(id: "i1/t1", dueAt: 300, payload: [1, 0x77]),
            ])
            #expect(first.state == [1, 2, 3] && first.profile == Sample.profile(1) && first.isActive)
            #expect(try await store.instance(id: "i2")?.timers == [InstanceTimer(id: "i2/t1", dueAt: 50, payload: [1])])
            #expect(try await store.instance(id: "i3")?.timers == [InstanceTimer(id: "i3/t1", dueAt: 70, payload: [1, 0x33])])
            #expect(try await store.instance(id: "i4")?.timers == [])

            #expect(try await store.timerCount() == 4)
            #expect(try await store.nextTimerDue(partitions: nil) == 40)
            #expect(try await store.nextTimerDue(partitions: [1]) == 70)
            #expect(try await store.dueProfiles(partition: 0, now: 1_000, limit: 10) == [Sample.profile(1)])
            #expect(try await store.inboxEntries(partition: 0, after: 0, limit: 10).map(\.eventID) == ["e1"])
            #expect(try await store.acceptedEventIDs(among: ["e1", "i1/t9"]) == ["e1"])

            let raw = try DatabaseQueue(path: store.path)
            let timersTable = try await raw.read { db in try db.tableExists("timers") }
            try raw.close()
            #expect(!timersTable)
        }
    }

    @Test func migration0003KeepsTheAcceptedIDsAndTheirKindCheck() async throws {
        try await TemporaryDirectory.with { directory in
            let old = try DatabaseQueue(path: directory.url.appending(path: SQLiteStore.fileName).path)
            try SQLiteMigrations.migrator.migrate(old, upTo: SQLiteMigrations.identifiers[1])
            try await old.write { db in
                try db.execute(sql: "INSERT INTO inbox_accepted (event_id, kind) VALUES ('e1', 'event'), ('r1', 'actionResult')")
            }
            try old.close()

            let store = try SQLiteStore(directory: directory.path)
            #expect(try await store.acceptedEventIDs(among: ["e1", "r1"]) == ["e1"])
            #expect(try await store.appendToInbox([Sample.event("r1", kind: .actionResult)]) == [.duplicate])
            let raw = try DatabaseQueue(path: store.path)
            defer { try? raw.close() }
            let refused = await #expect(throws: DatabaseError.self) {
                try await raw.write { db in try db.execute(sql: "INSERT INTO inbox_accepted (event_id, kind) VALUES ('x', 'bogus')") }
            }
            #expect(refused?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
        }
    }

    @Test func aNewDatabaseHasEveryMigration() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            let raw = try DatabaseQueue(path: store.path)
            let applied = try await raw.read { db in try SQLiteMigrations.migrator.appliedIdentifiers(db) }
            try raw.close()
            #expect(applied == Set(SQLiteMigrations.identifiers))
        }
    }
}
