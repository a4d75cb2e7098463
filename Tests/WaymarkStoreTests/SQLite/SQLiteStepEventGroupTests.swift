import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkExpression
import WaymarkSQLite
import WaymarkStore

/// Step events stored as one group per run of an instance's steps (migration 0004), seen
/// through the `step_events` view exactly as the per-step rows of 0001–0003 were.
@Suite struct SQLiteStepEventGroupTests {
    /// Rows as the schema of migration 0003 wrote them: steps of two instances by row, one of an
    /// instance without a row (its profile spelled out), parents as the previous step of the
    /// instance (flag 32), spelled out and none; details; every status.
    private static let rowsSchemaRows = """
        INSERT INTO instances (ref, instance_id, journey_id, journey_version_id, profile_namespace, profile_id, partition,
            is_active, in_test, state, entered_at, updated_at) VALUES
            (1, 'i1', 'welcome', 'welcome-v1', 'Email', 'person1@example.com', 0, 1, 0, X'01', 1000, 2000),
            (2, 'i2', 'welcome', 'welcome-v1', 'Email', 'person2@example.com', 0, 1, 0, X'02', 1000, 2000);
        INSERT INTO step_nodes (ref, journeyID, journeyVersionID, journeyVersionName, journeyVersion, nodeID, nodeName, nodeType,
            stepName, stepType) VALUES
            (1, 'welcome', 'welcome-v1', 'Welcome', '1.0', 'signed_up', 'Signed up', 'event', 'Signed up', 'Event'),
            (2, 'welcome', 'welcome-v1', 'Welcome', '1.0', 'send', 'Send', 'action', 'Send', 'Action');
        INSERT INTO step_event_rows (position, instance, instanceID, node, stepID, stepStatus, flags, eventID, timestamp,
            processingTime, externalKey, profileID, profileNamespace, parentStepID, parentStepName, parentTransitionID,
            parentTransitionName, details) VALUES
            (1, 1, NULL, 1, 's1', 0, 1, 'e1', 100, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (2, 1, NULL, 2, 's2', 2, 32, 'e1', 100, 5, NULL, NULL, NULL, NULL, 'Signed up', 't1', 'pro',
                '{"actionID":"a1","actionExecutionTime":12,"actionIsThrottled":true,"actionParameterized":false}'),
            (3, NULL, 'ghost', 1, 's3', 1, 24, 'e2', 200, 0, 'key-3', 'someone', 'CRM', 'p0', NULL, NULL, NULL, NULL),
            (4, 2, NULL, 1, 's4', 3, 3, 'e3', 300, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{"fetchCount":2,"fetchError":"x"}'),
            (5, 1, NULL, 2, 's5', 4, 36, 'e4', 400, 0, 'key-5', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (6, 2, NULL, 2, 's6', 5, 0, 'e5', 500, 7, NULL, 'other', 'Email', 'explicit', NULL, NULL, NULL, NULL);
        """

    @Test func migration0004KeepsEveryStepOfTheRowsSchemaAsTheViewShowedIt() async throws {
        try await TemporaryDirectory.with { directory in
            let old = try DatabaseQueue(path: directory.url.appending(path: SQLiteStore.fileName).path)
            try SQLiteMigrations.migrator.migrate(old, upTo: SQLiteMigrations.identifiers[2])
            try await old.write { db in try db.execute(sql: Self.rowsSchemaRows) }
            let (columnsBefore, rowsBefore, affinityBefore) = try await old.read { db in
                (try Self.viewColumns(db), try Self.viewRows(db), try Self.textLiteralMatches(db))
            }
            try old.close()
            #expect(rowsBefore.count == 6)

            let store = try SQLiteStore(directory: directory.path)
            let raw = try DatabaseQueue(path: store.path)
            let (columnsAfter, rowsAfter, affinityAfter, rowsTable) = try await raw.read { db in
                (try Self.viewColumns(db), try Self.viewRows(db), try Self.textLiteralMatches(db), try db.tableExists("step_event_rows"))
            }
            // Same names in the same order, same values of the same storage classes. The columns
            // that were table columns are expressions now (SQLite 3.40 declares no type for them)
            // cast to their type, so comparisons convert as before.
            #expect(columnsAfter.map(\.name) == columnsBefore.map(\.name))
            #expect(rowsAfter == rowsBefore)
            #expect(affinityBefore == 1 && affinityAfter == 1)
            #expect(!rowsTable)

            #expect(try await store.stepEventCount() == 6)
            let first = try await store.stepEvents(instanceID: "i1")
            #expect(first.map(\.stepID) == ["s1", "s2", "s5"])
            #expect(first.map(\.parentStepID) == [nil, "s1", "s2"])
            #expect(first[1].actionID == "a1" && first[1].actionExecutionTime == 12 && first[1].actionIsThrottled == true)
            #expect(first[1].parentTransitionName == "pro" && first[1].processingTime == 5 && first[1].stepStatus == .transitions)
            #expect(first[2].externalKey == "key-5" && first[2].instanceEnded && first[2].profileID == "person1@example.com")
            let ghost = try #require(try await store.stepEvents(instanceID: "ghost").first)
            #expect(ghost.profileNamespace == "CRM" && ghost.profileID == "someone" && ghost.inTest && ghost.instanceType == "batch")
            #expect(try await store.stepEvents(offset: 3, limit: 2).map(\.stepID) == ["s4", "s5"])

            // Steps written after the migration follow the moved ones.
            try await store.commit { $0.stepEvents = [Sample.step("s7", instance: "i2")] }
            let positions = try await raw.read { db in try Int.fetchAll(db, sql: "SELECT position FROM step_events ORDER BY position") }
            try raw.close()
            #expect(positions == Array(1...7))
        }
    }

    @Test func theViewShowsEveryStepWithTheColumnsAndValuesOfTheRowsSchema() async throws {
        try await TemporaryDirectory.with { directory in
            let rowsSchema = try DatabaseQueue(path: directory.url.appending(path: "rows.sqlite").path)
            try SQLiteMigrations.migrator.migrate(rowsSchema, upTo: SQLiteMigrations.identifiers[2])
            let columnsBefore = try await rowsSchema.read { db in try Self.viewColumns(db) }
            try rowsSchema.close()

            let store = try SQLiteStore(directory: directory.url.appending(path: "store").path)
            let (first, second) = Self.journeySteps()
            try await store.commit {
                $0.instances = [Sample.instance("i1"), Sample.instance("i2", profile: Sample.profile(2))]
                $0.stepEvents = first
            }
            try await store.commit { $0.stepEvents = second }
            let steps = first + second
            #expect(try await store.stepEvents(offset: 0, limit: 100) == steps)
            #expect(try await store.stepEvents(instanceID: "i1") == steps.filter { $0.instanceID == "i1" })
            #expect(try await store.stepEvents(offset: 4, limit: 3) == Array(steps[4..<7]))
            #expect(try await store.stepEventCount() == steps.count)

            let raw = try DatabaseQueue(path: store.path)
            let (columns, rows, groups) = try raw.read { db in
                (
                    try Self.viewColumns(db), try Row.fetchAll(db, sql: "SELECT * FROM step_events ORDER BY position"),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM step_event_groups")
                )
            }
            try raw.close()
            #expect(columns.map(\.name) == columnsBefore.map(\.name))
            // One group per run of an instance's steps in a commit: i1, i2, ghost; then i1, i2.
            #expect(groups == 5)
            try #require(rows.count == steps.count)
            for (index, (row, step)) in zip(rows, steps).enumerated() {
                let expected = Self.viewValues(step, position: index + 1)
                for column in columnsBefore.map(\.name) {
                    #expect(Self.tagged(row[column]) == Self.tagged(expected[column] ?? .null), "\(step.stepID).\(column)")
                }
            }
        }
    }

    @Test func stringsThatNeedEscapingComeBackWhole() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            let strange = "quote \" backslash \\ slash / newline \n tab \t return \r bell \u{07} unit \u{1F} del \u{7F} é ✓ 🚀 \u{2028}"
            var step = Sample.step("s\"1\\", detailed: true)
            step.eventID = strange
            step.parentStepID = "parent \"of\" \\ \n"
            step.parentStepName = strange
            step.externalKey = "\u{01}key\u{1B}"
            step.actionOriginEndpoint = strange
            step.fetchError = "{\"nested\": [1, 2]}"
            var next = Sample.step("ünïcode-\u{0C}\u{08}")
            next.parentStepID = step.stepID
            next.profileID = strange
            next.eventID = "e\u{1F}"
            try await store.commit {
                $0.instances = [Sample.instance("i1")]
                $0.stepEvents = [step, next]
            }
            #expect(try await store.stepEvents(instanceID: "i1") == [step, next])

            let raw = try DatabaseQueue(path: store.path)
            let rows = try raw.read { db in
                try Row.fetchAll(db, sql: "SELECT eventID, parentStepID, actionOriginEndpoint, profileID FROM step_events ORDER BY position")
            }
            try raw.close()
            #expect(rows.map { $0[0] as String } == [strange, next.eventID])
            #expect(rows.map { $0[1] as String } == [step.parentStepID, step.stepID])
            #expect(rows[0][2] as String == strange)
            #expect(rows[1][3] as String == strange)
        }
    }

    @Test func stepsOfManyNodesReferToTheirOwnNodes() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(directory: directory.path)
            // More nodes than a commit keeps at hand, visited twice in a commit and again in the next.
            let steps = (0..<60).map { index in
                var step = Sample.step("s\(index)", instance: "i\(index % 3)")
                step.nodeID = "node-\(index % 20)"
                step.nodeName = "Node \(index % 20)"
                step.stepName = "Step \(index % 20)"
                return step
            }
            try await store.commit { $0.stepEvents = Array(steps[..<45]) }
            try await store.commit { $0.stepEvents = Array(steps[45...]) }
            #expect(try await store.stepEvents(offset: 0, limit: 100) == steps)
            let raw = try DatabaseQueue(path: store.path)
            let nodes = try await raw.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM step_nodes") }
            try raw.close()
            #expect(nodes == 20)
        }
    }

    /// Two commits of a journey: instances i1 and i2 (with rows) and ghost (without), several
    /// steps each, with details, explicit parents, a step without a parent after others, another
    /// profile and external key, event ids and timestamps that change within a group.
    private static func journeySteps() -> ([StepEvent], [StepEvent]) {
        func step(_ id: String, _ instance: String, parent: String?, detailed: Bool = false) -> StepEvent {
            var event = Sample.step(id, instance: instance, detailed: detailed)
            event.parentStepID = parent
            event.entrance = parent == nil
            if instance == "i2" {
                event.profileID = "person2@example.com"
                event.externalKey = "person2@example.com"
            }
            return event
        }
        var first = [
            step("a1", "i1", parent: nil), step("a2", "i1", parent: "a1", detailed: true), step("a3", "i1", parent: "a2"),
            step("b1", "i2", parent: nil), step("b2", "i2", parent: "b1"), step("b3", "i2", parent: "a1"),
            step("g1", "ghost", parent: "elsewhere"), step("g2", "ghost", parent: "g1", detailed: true),
        ]
        first[1].eventID = first[0].eventID
        first[2].timestamp = 6_000
        first[4].profileNamespace = "CRM"
        first[5].externalKey = "key-b3"
        first[5].processingTime = 0
        var second = [
            step("a4", "i1", parent: "a3"), step("a5", "i1", parent: nil), step("a6", "i1", parent: "a5", detailed: true),
            step("b4", "i2", parent: "b3"),
        ]
        second[1].stepStatus = .instanceTimedout
        second[3].fetchCount = nil
        return (first, second)
    }

    /// What the rows schema's view showed for a step: its fields by their JSON names (booleans
    /// as 0 or 1, the status by name), at `position`.
    private static func viewValues(_ step: StepEvent, position: Int) -> [String: DatabaseValue] {
        var values = ["position": position.databaseValue]
        guard let encoded = try? JSONEncoder().encode(step), case .object(let fields)? = try? JSONValue(parsing: Array(encoded))
        else { return values }
        for (name, value) in fields.pairs {
            switch value {
            case .null: values[name] = .null
            case .bool(let bool): values[name] = bool.databaseValue
            case .int(let integer): values[name] = integer.databaseValue
            case .string(let string): values[name] = string.databaseValue
            default: values[name] = "unexpected \(value)".databaseValue
            }
        }
        return values
    }

    /// A value with its storage class: 1 and '1' differ.
    private static func tagged(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "null"
        case .int64(let integer): "integer \(integer)"
        case .double(let double): "real \(double)"
        case .string(let string): "text \(string)"
        case .blob(let data): "blob \(data.count)"
        }
    }

    /// How many steps match text literals compared with the integer and text columns: converted
    /// by the columns' affinity, one (position 2 of `rowsSchemaRows`).
    private static func textLiteralMatches(_ db: Database) throws -> Int? {
        try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM step_events WHERE position = '2' AND timestamp = '100' AND processingTime = '5'
                    AND eventID = 'e1' AND stepID = 's2' AND parentTransitionID = 't1'
                """)
    }

    /// The view's columns in order, with their declared types.
    private static func viewColumns(_ db: Database) throws -> [ViewColumn] {
        try Row.fetchAll(db, sql: "PRAGMA table_info(step_events)").map { ViewColumn(name: $0["name"], type: $0["type"]) }
    }

    /// Every row of the view, each value with its storage class, in position order.
    private static func viewRows(_ db: Database) throws -> [[String]] {
        try Row.fetchAll(db, sql: "SELECT * FROM step_events ORDER BY position").map { row in
            row.databaseValues.map(tagged)
        }
    }

    private struct ViewColumn: Equatable {
        var name: String
        var type: String
    }
}
