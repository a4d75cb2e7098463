import WaymarkCore

extension MemoryState {
    /// Appends an entry unless its kind and event id were accepted before.
    mutating func appendToInbox(_ entry: InboxEntry, _ journal: inout Journal) -> InboxAppendResult {
        let id = AcceptedID(kind: entry.kind, eventID: entry.eventID)
        guard accepted.insert(id).inserted else { return .duplicate }
        journal.record { $0.accepted.remove(id) }
        let previous = lastSequence
        lastSequence += 1
        var stored = entry
        stored.sequence = lastSequence
        inbox[entry.partition, default: []].append(stored)
        inboxDepth += 1
        journal.record { state in
            state.lastSequence = previous
            state.inbox[entry.partition]?.removeLast()
            state.inboxDepth -= 1
        }
        return .accepted(sequence: stored.sequence)
    }

    /// Records an external event accepted straight from ingestion (kind `event`).
    mutating func acceptEvent(_ eventID: String, _ journal: inout Journal) throws(StoreError) {
        let id = AcceptedID(kind: .event, eventID: eventID)
        guard accepted.insert(id).inserted else {
            throw StoreError(.constraint, "the event \(eventID) was accepted before")
        }
        journal.record { $0.accepted.remove(id) }
    }

    /// Up to `limit` entries of `partition` after `sequence`, in order.
    func inboxEntries(partition: Int, after sequence: Int64, limit: Int) -> [InboxEntry] {
        guard let entries = inbox[partition], limit > 0 else { return [] }
        let start = entries.firstIndex(withSequenceAbove: sequence)
        return Array(entries[start..<min(entries.count, start + limit)])
    }

    /// Removes the entry `sequence` of `partition`; an entry already gone is ignored.
    mutating func consumeInbox(partition: Int, sequence: Int64, _ journal: inout Journal) {
        guard let entries = inbox[partition] else { return }
        let index = entries.firstIndex(withSequenceAbove: sequence - 1)
        guard index < entries.count, entries[index].sequence == sequence else { return }
        let entry = inbox[partition]!.remove(at: index)
        inboxDepth -= 1
        journal.record { state in
            state.inbox[partition]!.insert(entry, at: index)
            state.inboxDepth += 1
        }
    }
}

extension [InboxEntry] {
    /// The index of the first entry with a sequence greater than `sequence` (binary search).
    fileprivate func firstIndex(withSequenceAbove sequence: Int64) -> Int {
        partitioningIndex { $0.sequence > sequence }
    }
}
