import WaymarkCore
import WaymarkStore

/// An instance of a batch's person: its stored record and, once needed, its decoded state.
struct LoadedInstance {
    var record: InstanceRecord
    /// The state, decoded on first use (most inputs concern one of a person's instances).
    var instance: JourneyInstance?
    /// Whether the batch changed it (it is written with the commit).
    var isChanged = false

    init(record: InstanceRecord, instance: JourneyInstance? = nil) {
        self.record = record
        self.instance = instance
    }

    /// The decoded state, decoding the record's bytes the first time; `nil` for an ended
    /// instance or bytes this runtime cannot read.
    mutating func decodedInstance() -> JourneyInstance? {
        if let instance { return instance }
        guard record.isActive, !record.state.isEmpty else { return nil }
        instance = try? JourneyInstance(decoding: record.state)
        return instance
    }

    /// What entry rules read of it.
    var priorInstance: PriorInstance {
        let active = instance?.isActive ?? record.isActive
        return PriorInstance(
            journeyVersionID: record.journeyVersionID, isActive: active, enteredAt: record.enteredAt,
            endedAt: active ? nil : record.updatedAt)
    }
}
