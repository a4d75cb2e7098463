/// Something that happens to a journey instance.
public enum RuntimeInput: Hashable, Sendable {
    /// A configured event for this profile.
    case event(IncomingEvent)
    /// One of the instance's timers is due.
    case timer(TimerFiring)
    /// The outcome of an action call the instance asked for.
    case actionResult(ExternalCallResult)
    /// The outcome of an external data fetch the instance asked for.
    case fetchResult(ExternalCallResult)
    /// Tracking of a message the instance sent: moves it on from a reaction node waiting for it.
    case messageTracking(MessageTracking)
    /// A change of audience membership: moves the instance on from an audience qualification node waiting for it.
    case audienceChange(AudienceChange)
    /// The journey version was stopped: everyone inside leaves at once.
    case stop
}
