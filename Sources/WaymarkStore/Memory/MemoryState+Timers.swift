import WaymarkCore

extension MemoryState {
    /// Moves up to `limit` timers due at or before `now` into the inbox, earliest first.
    mutating func fireDueTimers(now: Int64, partitions: Set<Int>?, limit: Int, _ journal: inout Journal) -> Int {
        let due = timers.values
            .filter { $0.dueAt <= now && partitions?.contains($0.partition) != false }
            .sorted { ($0.dueAt, $0.timerID) < ($1.dueAt, $1.timerID) }
            .prefix(max(0, limit))
        for timer in due {
            set(\.timers, timer.timerID, nil, &journal)
            _ = appendToInbox(timer.inboxEntry, &journal)
        }
        return due.count
    }

    /// The earliest due instant among the timers of these partitions.
    func nextTimerDue(partitions: Set<Int>?) -> Int64? {
        timers.values.lazy.filter { partitions?.contains($0.partition) != false }.map(\.dueAt).min()
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
