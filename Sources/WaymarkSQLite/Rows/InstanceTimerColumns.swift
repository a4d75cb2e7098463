import WaymarkStore

/// The columns of an instance row that hold its timers: the encoded list (`timers`), the
/// earliest due instant of an active instance (`due_at`, what the due index holds) and the
/// number of timers that count (`timer_count`, 0 once ended).
struct InstanceTimerColumns {
    /// The shared encoding of the list, `nil` when there is none.
    var encoded: [UInt8]?
    /// As `InstanceRecord.nextDueAt`.
    var dueAt: Int64?
    var count: Int

    init(_ timers: [InstanceTimer], isActive: Bool) {
        encoded = timers.isEmpty ? nil : timers.encoded
        dueAt = isActive ? timers.lazy.map(\.dueAt).min() : nil
        count = dueAt == nil ? 0 : timers.count
    }

    /// The timers of an instance row: its `timers` column decoded (`nil`: none).
    static func timers(_ bytes: [UInt8]?, instanceID: String) throws(StoreError) -> [InstanceTimer] {
        guard let bytes else { return [] }
        return try [InstanceTimer](decoding: bytes, instanceID: instanceID)
    }
}
