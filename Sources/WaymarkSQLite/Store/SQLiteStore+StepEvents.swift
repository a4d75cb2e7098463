import GRDB
import WaymarkCore
import WaymarkStore

extension SQLiteStore {
    static let stepStatusCodes: [StepStatus: Int] = [
        .ended: 0, .error: 1, .transitions: 2, .capped: 3, .timedout: 4, .instanceTimedout: 5,
    ]
    static let stepStatuses = Dictionary(uniqueKeysWithValues: stepStatusCodes.map { ($0.value, $0.key) })

    /// The bits of `step_event_rows.flags`.
    enum StepFlag {
        static let entrance = 1
        static let reentrance = 2
        static let instanceEnded = 4
        static let inTest = 8
        static let batch = 16
        /// The parent step is the instance's previous step (`parentStepID` stored NULL).
        static let parentIsPrevious = 32
    }

    private static let stepSelect = """
        SELECT s.flags, s.eventID, n.nodeID, n.nodeName, n.nodeType, s.stepID, n.stepName, n.stepType, s.stepStatus,
            n.journeyID, n.journeyVersionID, n.journeyVersionName, n.journeyVersion, COALESCE(s.instanceID, i.instance_id),
            COALESCE(s.externalKey, s.profileID, i.profile_id),
            CASE WHEN (s.flags & 32) <> 0 THEN (
                SELECT p.stepID FROM step_event_rows p WHERE p.instance = s.instance AND p.position < s.position
                ORDER BY p.position DESC LIMIT 1) ELSE s.parentStepID END,
            s.parentStepName, s.parentTransitionID,
            s.parentTransitionName, s.processingTime, s.timestamp, COALESCE(s.profileID, i.profile_id),
            COALESCE(s.profileNamespace, i.profile_namespace), s.details
        FROM step_event_rows s JOIN step_nodes n ON n.ref = s.node LEFT JOIN instances i ON i.ref = s.instance
        """

    public func stepEvents(instanceID: String) async throws(StoreError) -> [StepEvent] {
        try await read("reading the step events of instance \(instanceID)") { db in
            let statement = try db.cachedStatement(
                sql: """
                    \(Self.stepSelect)
                    WHERE s.position IN (
                        SELECT position FROM step_event_rows WHERE instance = (SELECT ref FROM instances WHERE instance_id = ?1)
                        UNION ALL SELECT position FROM step_event_rows WHERE instanceID = ?1)
                    ORDER BY s.position
                    """)
            return try Self.stepEvents(statement, [instanceID])
        }
    }

    public func stepEvents(offset: Int, limit: Int) async throws(StoreError) -> [StepEvent] {
        try await read("reading step events") { db in
            let statement = try db.cachedStatement(sql: "\(Self.stepSelect) ORDER BY s.position LIMIT ? OFFSET ?")
            return try Self.stepEvents(statement, [max(0, limit), max(0, offset)])
        }
    }

    public func stepEventCount() async throws(StoreError) -> Int {
        try await read("counting step events") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM step_event_rows") ?? 0 }
    }

    private static func stepEvents(_ statement: Statement, _ arguments: StatementArguments) throws -> [StepEvent] {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var events: [StepEvent] = []
        while let row = try rows.next() { events.append(try stepEvent(row)) }
        return events
    }

    private static func stepEvent(_ row: Row) throws -> StepEvent {
        let code: Int = try row.decode(atIndex: 8)
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

    /// Writes step events, referring to their instances' rows and step nodes.
    func insert(_ events: [StepEvent], _ context: inout SQLiteCommitContext, _ db: Database) throws {
        var insert = try FastStatement(
            db,
            sql: """
                INSERT INTO step_event_rows (instance, instanceID, node, stepID, stepStatus, flags, eventID, timestamp, processingTime,
                    externalKey, profileID, profileNamespace, parentStepID, parentStepName, parentTransitionID, parentTransitionName,
                    details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for event in events {
            guard event.instanceType == "unitary" || event.instanceType == "batch" else {
                throw StoreError(.constraint, "step \(event.stepID): instanceType '\(event.instanceType)' is not unitary or batch")
            }
            let instance = try Self.instanceReference(event.instanceID, &context, db)
            let profile = ProfileKey(namespace: event.profileNamespace, id: event.profileID)
            let sameProfile = instance?.profile == profile
            var flags = event.entrance ? StepFlag.entrance : 0
            if event.reentrance { flags |= StepFlag.reentrance }
            if event.instanceEnded { flags |= StepFlag.instanceEnded }
            if event.inTest { flags |= StepFlag.inTest }
            if event.instanceType == "batch" { flags |= StepFlag.batch }
            var parentStepID = event.parentStepID
            if let instance, let parent = parentStepID, try Self.lastStep(of: instance.reference, &context, db) == parent {
                flags |= StepFlag.parentIsPrevious
                parentStepID = nil
            }
            insert.bind(instance?.reference)
            insert.bind(instance == nil ? event.instanceID : nil)
            insert.bind(try node(of: event, nodes: &context.nodes, db))
            insert.bind(event.stepID)
            insert.bind(Self.stepStatusCodes[event.stepStatus] ?? 0)
            insert.bind(flags)
            insert.bind(event.eventID)
            insert.bind(event.timestamp)
            insert.bind(event.processingTime)
            insert.bind(event.externalKey == event.profileID ? nil : event.externalKey)
            insert.bind(sameProfile ? nil : event.profileID)
            insert.bind(sameProfile ? nil : event.profileNamespace)
            insert.bind(parentStepID)
            insert.bind(event.parentStepName)
            insert.bind(event.parentTransitionID)
            insert.bind(event.parentTransitionName)
            insert.bind(StepEventDetails.encode(event))
            try insert.run()
            if let instance { context.lastSteps[instance.reference] = event.stepID }
        }
    }

    /// The id of the last step written for an instance row.
    private static func lastStep(of instance: Int64, _ context: inout SQLiteCommitContext, _ db: Database) throws -> String? {
        if let known = context.lastSteps[instance] { return known }
        let statement = try db.cachedStatement(
            sql: "SELECT stepID FROM step_event_rows WHERE instance = ? ORDER BY position DESC LIMIT 1")
        let found = try String.fetchOne(statement, arguments: [instance])
        if let found { context.lastSteps[instance] = found }
        return found
    }

    /// The row and profile of an instance, from this transaction's context or the table.
    static func instanceReference(
        _ id: String, _ context: inout SQLiteCommitContext, _ db: Database
    ) throws -> SQLiteCommitContext.InstanceReference? {
        if let known = context.instances[id] { return known }
        let statement = try db.cachedStatement(sql: "SELECT ref, profile_namespace, profile_id FROM instances WHERE instance_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
        let found = SQLiteCommitContext.InstanceReference(reference: try row.decode(atIndex: 0), profile: try row.profileKey(1))
        context.instances[id] = found
        return found
    }

    /// The `step_nodes` row of an event's node: cached, else found, else created.
    private func node(of event: StepEvent, nodes: inout [StepNodeKey: Int64], _ db: Database) throws -> Int64 {
        let key = StepNodeKey(event)
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
