import WaymarkCore

extension MemoryState {
    /// The people of `partition` with an active instance due at or before `now`, earliest first.
    func dueProfiles(partition: Int, now: Int64, limit: Int) -> [ProfileKey] {
        let due = instances.values
            .compactMap { record -> (Int64, String, ProfileKey)? in
                guard record.partition == partition, let dueAt = record.nextDueAt, dueAt <= now else { return nil }
                return (dueAt, record.instanceID, record.profile)
            }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var seen: Set<ProfileKey> = []
        return Array(due.map(\.2).filter { seen.insert($0).inserted }.prefix(max(0, limit)))
    }

    /// The earliest due instant among the active instances of these partitions.
    func nextTimerDue(partitions: Set<Int>?) -> Int64? {
        instances.values.lazy.filter { partitions?.contains($0.partition) != false }.compactMap(\.nextDueAt).min()
    }

    /// Adds an outbox row; its id must be new.
    mutating func addOutbox(_ record: OutboxRecord, _ journal: inout Journal) throws(StoreError) {
        guard outbox[record.id] == nil else {
            throw StoreError(.constraint, "outbox row \(record.id) exists already")
        }
        let previous = lastOutboxOrder
        lastOutboxOrder += 1
        journal.record { $0.lastOutboxOrder = previous }
        set(\.outbox, record.id, OutboxRow(record: record, order: lastOutboxOrder), &journal)
    }

    /// Rows available at `now`: by the instant they became available, then in write order.
    func outboxEntries(availableAt now: Int64, limit: Int) -> [OutboxRecord] {
        outbox.values.filter { $0.record.availableAt <= now }
            .sorted { ($0.record.availableAt, $0.order) < ($1.record.availableAt, $1.order) }
            .prefix(max(0, limit)).map(\.record)
    }
}
