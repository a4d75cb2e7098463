import WaymarkCore
import WaymarkStore

/// One input of a worker batch: an inbox entry, or an event ingestion handed over (parsed, with
/// no inbox row to consume).
struct RouterInput {
    let entry: InboxEntry
    /// The event's payload when ingestion already parsed it.
    let payload: JSONValue?
    /// Whether the entry is an inbox row the batch consumes.
    let isInInbox: Bool

    /// An inbox entry.
    init(entry: InboxEntry) {
        self.entry = entry
        payload = nil
        isInInbox = true
    }

    /// An event handed over by ingestion.
    init(_ event: SubmittedEvent) {
        entry = event.entry
        payload = event.payload
        isInInbox = false
    }
}
