import GRDB
import WaymarkCore
import WaymarkStore

extension SQLiteStore {
    /// The stored code of a step status (a switch: no hashing per step written).
    static func stepStatusCode(_ status: StepStatus) -> Int64 {
        switch status {
        case .ended: 0
        case .error: 1
        case .transitions: 2
        case .capped: 3
        case .timedout: 4
        case .instanceTimedout: 5
        }
    }

    static let stepStatuses = Dictionary(uniqueKeysWithValues: StepStatus.allCases.map { (stepStatusCode($0), $0) })

    /// The bits of a step's flags (`f` in `step_event_groups`).
    enum StepFlag {
        static let entrance = 1
        static let reentrance = 2
        static let instanceEnded = 4
        static let inTest = 8
        static let batch = 16
    }

    /// The steps of the groups (see `Migration0004StepEventGroups`), in the column order
    /// `stepEvent(_:)` reads; a step's parent, when absent, is the previous step of its group.
    private static let stepSelect = """
        SELECT COALESCE(j.value ->> 'f', 0), COALESCE(j.value ->> 'e', g.eventID), n.nodeID, n.nodeName, n.nodeType, j.value ->> 's',
            n.stepName, n.stepType, j.value ->> 'st', n.journeyID, n.journeyVersionID, n.journeyVersionName, n.journeyVersion,
            COALESCE(g.instanceID, i.instance_id), COALESCE(j.value ->> 'k', j.value ->> 'pi', i.profile_id),
            CASE WHEN j.value -> 'p' IS NOT NULL THEN j.value ->> 'p' WHEN j.key > 0 THEN g.steps -> (j.key - 1) ->> 's' END,
            j.value ->> 'ps', j.value ->> 'pti', j.value ->> 'ptn', COALESCE(j.value ->> 'pt', 0), COALESCE(j.value ->> 't', g.timestamp),
            COALESCE(j.value ->> 'pi', i.profile_id), COALESCE(j.value ->> 'pn', i.profile_namespace), j.value -> 'd'
        FROM step_event_groups g JOIN json_each(g.steps) j JOIN step_nodes n ON n.ref = j.value ->> 'n'
        LEFT JOIN instances i ON i.ref = g.instance
        """

    public func stepEvents(instanceID: String) async throws(StoreError) -> [StepEvent] {
        try await read("reading the step events of instance \(instanceID)") { db in
            let statement = try db.cachedStatement(
                sql: """
                    \(Self.stepSelect)
                    WHERE g.position IN (
                        SELECT position FROM step_event_groups WHERE instance = (SELECT ref FROM instances WHERE instance_id = ?1)
                        UNION ALL SELECT position FROM step_event_groups WHERE instanceID = ?1)
                    ORDER BY g.position, j.key
                    """)
            return try Self.stepEvents(statement, [instanceID])
        }
    }

    public func stepEvents(offset: Int, limit: Int) async throws(StoreError) -> [StepEvent] {
        try await read("reading step events") { db in
            let statement = try db.cachedStatement(sql: "\(Self.stepSelect) ORDER BY g.position, j.key LIMIT ? OFFSET ?")
            return try Self.stepEvents(statement, [max(0, limit), max(0, offset)])
        }
    }

    public func stepEvents(after: Int64, limit: Int) async throws(StoreError) -> (events: [StepEvent], cursor: Int64) {
        try await read("reading step events after \(after)") { db in
            // The groups first, by key; then their steps.
            let groups = try Int64.fetchAll(
                db, sql: "SELECT position FROM step_event_groups WHERE position > ? ORDER BY position LIMIT ?",
                arguments: [after, max(1, limit)])
            guard let last = groups.last else { return ([], after) }
            let statement = try db.cachedStatement(
                sql: "\(Self.stepSelect) WHERE g.position > ? AND g.position <= ? ORDER BY g.position, j.key")
            return (try Self.stepEvents(statement, [after, last]), last)
        }
    }

    public func stepEventCount() async throws(StoreError) -> Int {
        try await read("counting step events") { db in
            try Int.fetchOne(db, sql: "SELECT COALESCE(sum(json_array_length(steps)), 0) FROM step_event_groups") ?? 0
        }
    }

    private static func stepEvents(_ statement: Statement, _ arguments: StatementArguments) throws -> [StepEvent] {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var events: [StepEvent] = []
        while let row = try rows.next() { events.append(try stepEvent(row)) }
        return events
    }

    private static func stepEvent(_ row: Row) throws -> StepEvent {
        let code: Int64 = try row.decode(atIndex: 8)
        guard let status = stepStatuses[code] else { throw StoreError(.corrupt, "unknown step status code \(code)") }
        var event = StepEvent(
            eventID: try row.decode(atIndex: 1), nodeID: try row.decode(atIndex: 2), nodeName: try row.decode(atIndex: 3),
            nodeType: try row.decode(atIndex: 4), stepID: try row.decode(atIndex: 5), stepName: try row.decode(atIndex: 6),
            stepType: try row.decode(atIndex: 7), stepStatus: status, journeyID: try row.decode(atIndex: 9),
            journeyVersionID: try row.decode(atIndex: 10), journeyVersionName: try row.decode(atIndex: 11),
            journeyVersion: try row.decode(atIndex: 12), instanceID: try row.decode(atIndex: 13),
            externalKey: try row.decode(atIndex: 14), timestamp: try row.decode(atIndex: 20),
            profileID: try row.decode(atIndex: 21), profileNamespace: try row.decode(atIndex: 22))
        let flags: Int = try row.decode(atIndex: 0)
        event.entrance = flags & StepFlag.entrance != 0
        event.reentrance = flags & StepFlag.reentrance != 0
        event.instanceEnded = flags & StepFlag.instanceEnded != 0
        event.inTest = flags & StepFlag.inTest != 0
        event.instanceType = flags & StepFlag.batch != 0 ? "batch" : "unitary"
        event.parentStepID = try row.decode(atIndex: 15)
        event.parentStepName = try row.decode(atIndex: 16)
        event.parentTransitionID = try row.decode(atIndex: 17)
        event.parentTransitionName = try row.decode(atIndex: 18)
        event.processingTime = try row.decode(atIndex: 19)
        if let details: String = try row.decode(atIndex: 23) { try StepEventDetails.decode(details, into: &event) }
        return event
    }

    /// Writes step events: each run of consecutive steps of one instance as one group, which
    /// refers to the instance's row and to the steps' nodes.
    func insert(_ events: [StepEvent], _ context: inout SQLiteCommitContext, _ db: Database) throws {
        guard !events.isEmpty else { return }
        var groups = try SQLiteStepGroupWriter(db, position: context.nextStepPosition)
        var first = events.startIndex
        while first < events.endIndex {
            let instanceID = events[first].instanceID
            var end = first + 1
            while end < events.endIndex && events[end].instanceID == instanceID { end += 1 }
            let instance = try instanceReference(instanceID, &context, db)
            try groups.write(events[first..<end], instance: instance) { event in try node(of: event, &context, db) }
            first = end
        }
        context.nextStepPosition = groups.position
    }

    /// The row and profile of an instance, from this transaction's context, the rows reads have
    /// seen, or the table.
    func instanceReference(
        _ id: String, _ context: inout SQLiteCommitContext, _ db: Database
    ) throws -> SQLiteCommitContext.InstanceReference? {
        if let known = context.instances[id] ?? instanceReferences.withLock({ $0[id] }) { return known }
        let statement = try db.cachedStatement(sql: "SELECT ref, profile_namespace, profile_id FROM instances WHERE instance_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
        let found = SQLiteCommitContext.InstanceReference(reference: try row.decode(atIndex: 0), profile: try row.profileKey(1))
        context.instances[id] = found
        return found
    }

    /// The `step_nodes` row of an event's node: one of the transaction's recent nodes (compared
    /// field by field, without hashing), else cached, else found, else created.
    private func node(of event: StepEvent, _ context: inout SQLiteCommitContext, _ db: Database) throws -> Int64 {
        if let recent = context.recentNodes.first(where: { $0.key.matches(event) }) { return recent.reference }
        let key = StepNodeKey(event)
        let reference = try node(of: key, nodes: &context.nodes, db)
        context.remember(node: key, reference)
        return reference
    }

    private func node(of key: StepNodeKey, nodes: inout [StepNodeKey: Int64], _ db: Database) throws -> Int64 {
        if let reference = nodes[key] ?? stepNodes.withLock({ $0[key] }) { return reference }
        let arguments = StatementArguments(key.columns)
        let find = try db.cachedStatement(
            sql: """
                SELECT ref FROM step_nodes WHERE journeyID = ? AND journeyVersionID = ? AND journeyVersionName = ?
                    AND journeyVersion = ? AND nodeID = ? AND nodeName = ? AND nodeType = ? AND stepName = ? AND stepType = ?
                """)
        let reference: Int64
        if let found = try Int64.fetchOne(find, arguments: arguments) {
            reference = found
        } else {
            try db.cachedStatement(
                sql: """
                    INSERT INTO step_nodes (journeyID, journeyVersionID, journeyVersionName, journeyVersion, nodeID, nodeName,
                        nodeType, stepName, stepType) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: arguments)
            reference = db.lastInsertedRowID
        }
        nodes[key] = reference
        return reference
    }
}
