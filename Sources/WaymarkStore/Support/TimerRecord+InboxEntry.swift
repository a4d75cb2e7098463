import WaymarkCore

extension TimerRecord {
    /// The inbox entry a fired timer becomes (`eventID` = timer id, `receivedAt` = due instant).
    package var inboxEntry: InboxEntry {
        InboxEntry(partition: partition, kind: .timer, eventID: timerID, profile: profile, payload: payload, receivedAt: dueAt)
    }
}
