import GRDB
import WaymarkCore
import WaymarkStore

/// Writes a commit's step events as `step_event_groups` rows (see `Migration0004StepEventGroups`
/// for the encoding), through one cached statement and one JSON buffer reused for every group.
/// Needs no read per step: a step's parent is written only when it is not the previous step
/// of its group.
struct SQLiteStepGroupWriter {
    /// The position of the next step to write.
    private(set) var position: Int64
    private var insert: FastStatement
    private var json = JSONTextWriter()

    /// - Parameter position: the position of the next step, when the transaction knows it
    ///   (else it is read: after the last group's steps).
    init(_ db: Database, position: Int64?) throws {
        insert = try FastStatement(
            db, sql: "INSERT INTO step_event_groups (position, instance, instanceID, eventID, timestamp, steps) VALUES (?, ?, ?, ?, ?, ?)")
        if let position {
            self.position = position
        } else {
            let last = try db.cachedStatement(
                sql: "SELECT position + json_array_length(steps) FROM step_event_groups ORDER BY position DESC LIMIT 1")
            self.position = try Int64.fetchOne(last) ?? 1
        }
    }

    /// Writes consecutive steps of one instance as one group.
    /// - Parameters:
    ///   - instance: the instance's row and profile, `nil` when it has no row (the group then
    ///     holds its id, and every step its profile).
    ///   - node: the `step_nodes` row of a step.
    /// - Throws: `StoreError` `.constraint` for an instanceType other than unitary or batch.
    mutating func write(
        _ steps: ArraySlice<StepEvent>, instance: SQLiteCommitContext.InstanceReference?, node: (StepEvent) throws -> Int64
    ) throws {
        guard let first = steps.indices.first else { return }  // an index: a StepEvent copy retains ~30 strings
        let eventID = steps[first].eventID
        let timestamp = steps[first].timestamp
        json.reset()
        json.beginArray()
        var previousStepID: String?
        for index in steps.indices {  // steps[index] borrowed, not copied as a for-in loop would
            try write(
                steps[index], after: previousStepID, groupEventID: eventID, groupTimestamp: timestamp, instance: instance,
                node: try node(steps[index]))
            previousStepID = steps[index].stepID
        }
        json.endArray()
        insert.bind(position)
        insert.bind(instance?.reference)
        insert.bind(instance == nil ? steps[first].instanceID : nil)
        insert.bind(eventID)
        insert.bind(timestamp)
        insert.bindText(json.bytes)
        try insert.run()
        position += Int64(steps.count)
    }

    private mutating func write(
        _ step: StepEvent, after previousStepID: String?, groupEventID: String, groupTimestamp: Int64,
        instance: SQLiteCommitContext.InstanceReference?, node: Int64
    ) throws {
        json.beginObject()
        json.key("n")
        json.integer(node)
        json.key("s")
        json.string(step.stepID)
        json.key("st")
        json.integer(SQLiteStore.stepStatusCode(step.stepStatus))
        let flags = try Self.flags(step)
        if flags != 0 {
            json.key("f")
            json.integer(flags)
        }
        if step.eventID != groupEventID {
            json.key("e")
            json.string(step.eventID)
        }
        if step.timestamp != groupTimestamp {
            json.key("t")
            json.integer(step.timestamp)
        }
        if step.processingTime != 0 {
            json.key("pt")
            json.integer(step.processingTime)
        }
        if step.externalKey != step.profileID {
            json.key("k")
            json.string(step.externalKey)
        }
        if instance.map({ $0.profile.id != step.profileID || $0.profile.namespace != step.profileNamespace }) ?? true {
            json.key("pi")
            json.string(step.profileID)
            json.key("pn")
            json.string(step.profileNamespace)
        }
        writeParent(of: step, after: previousStepID)
        optional("ps", step.parentStepName)
        optional("pti", step.parentTransitionID)
        optional("ptn", step.parentTransitionName)
        if StepEventDetails.hasDetails(step) {
            json.key("d")
            StepEventDetails.write(step, into: &json)
        }
        json.endObject()
    }

    /// `p`: absent when the parent is the previous step of the group (or, for the first step,
    /// when it has none), `null` when a later step has none, else the id.
    private mutating func writeParent(of step: StepEvent, after previousStepID: String?) {
        guard let parent = step.parentStepID else {
            guard previousStepID != nil else { return }
            json.key("p")
            return json.null()
        }
        guard parent != previousStepID else { return }
        json.key("p")
        json.string(parent)
    }

    private mutating func optional(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        json.key(key)
        json.string(value)
    }

    private static func flags(_ step: StepEvent) throws -> Int64 {
        var flags: Int64 = step.entrance ? Int64(SQLiteStore.StepFlag.entrance) : 0
        if step.reentrance { flags |= Int64(SQLiteStore.StepFlag.reentrance) }
        if step.instanceEnded { flags |= Int64(SQLiteStore.StepFlag.instanceEnded) }
        if step.inTest { flags |= Int64(SQLiteStore.StepFlag.inTest) }
        switch step.instanceType {
        case "unitary": break
        case "batch": flags |= Int64(SQLiteStore.StepFlag.batch)
        default: throw StoreError(.constraint, "step \(step.stepID): instanceType '\(step.instanceType)' is not unitary or batch")
        }
        return flags
    }
}
