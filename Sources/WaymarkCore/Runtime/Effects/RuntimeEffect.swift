/// What a state change asks the partition worker to do; all effects of one batch go into ONE
/// `PartitionCommit`.
///
/// The large payloads (calls, internal events) are boxed, and a step event is one reference, so
/// that an effect stays a few words wide and arrays of effects move little memory.
public enum RuntimeEffect: Hashable, Sendable {
    /// Write this step event.
    case step(StepEvent)
    /// Add this timer.
    case scheduleTimer(TimerRequest)
    /// Delete the timer with this id.
    case cancelTimer(String)
    /// Write this call to the outbox (`ExternalCallRequest.encoded` as payload, `id` as row id).
    indirect case externalCall(ExternalCallRequest)
    /// Set a field of the profile (dotted path inside the attributes, e.g. `ProfileFieldGroup.loyalty.tier`).
    case updateProfile(path: String, value: JSONValue)
    /// Append an internal event to the inbox (jump).
    indirect case internalEvent(InternalEventRequest)
    /// Increment a named counter (profile cap).
    case incrementCounter(name: String, by: Int64)
    /// The instance ended with this status: it no longer holds a place in the journey.
    case instanceEnded(StepStatus)
}
