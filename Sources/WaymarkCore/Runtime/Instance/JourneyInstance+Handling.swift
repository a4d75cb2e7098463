extension JourneyInstance {
    /// Handles one input and returns what to do; the instance changes in place.
    ///
    /// An input the instance does not wait for (an event no node waits for, a stale timer, the
    /// result of another call, anything after the end) changes nothing and returns no effects.
    ///
    /// - Parameters:
    ///   - input: what happened.
    ///   - journey: the instance's version (`journeyVersionID`); another version changes nothing.
    ///   - context: the clock, the profile's data and the rest of the world.
    public mutating func handle(_ input: RuntimeInput, in journey: RunnableJourney, context: RuntimeContext) -> [RuntimeEffect] {
        guard isActive, journey.versionID == journeyVersionID else { return [] }
        // The run works on the instance itself, moved in and out rather than copied.
        var execution = InstanceExecution(instance: .vacant, journey: journey, context: context, eventID: "")
        swap(&self, &execution.instance)
        switch input {
        case .event(let event): execution.receive(event)
        case .timer(let timer): execution.fire(timer)
        case .actionResult(let result): execution.complete(action: result)
        case .fetchResult(let result): execution.complete(fetch: result)
        case .messageTracking(let tracking): execution.receive(tracking)
        case .audienceChange(let change): execution.receive(change)
        case .stop:
            execution.eventID = "journeyStopped"
            execution.terminate(.ended, firedTimer: nil)
        }
        let effects: [RuntimeEffect]
        (self, effects) = execution.takeResult()
        return effects
    }
}
