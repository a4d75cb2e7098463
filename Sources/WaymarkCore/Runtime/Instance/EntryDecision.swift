/// Whether an event starts an instance of a journey version.
public enum EntryDecision: Hashable, Sendable {
    /// The person entered: the new instance (already run up to its first wait) and its effects.
    case entered(JourneyInstance, [RuntimeEffect])
    /// The event was refused for this journey, with the reason and a message for the discard record.
    case discarded(DiscardRecord.Reason, String)
}
