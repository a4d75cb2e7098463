extension JourneyInstance {
    /// Decides whether an event starts an instance of a journey version, and if so runs the new
    /// instance up to its first wait.
    ///
    /// Rules, in order: the event must be the version's entry event; the version must accept
    /// entrances (live or test, after its start date, before its end date; not draft, closed,
    /// stopped or finished); in test only test profiles enter; a person holds one place per
    /// journey (any version); re-entrance must be allowed, and the wait period (counted from the
    /// end of the last instance) must have passed.
    ///
    /// - Parameters:
    ///   - journey: the version to enter (the latest live one, or the one in test).
    ///   - event: the event.
    ///   - profile: the person.
    ///   - previous: the person's instances of this journey, all versions, active or not.
    ///   - context: the clock, the profile's data and the rest of the world.
    public static func enter(
        _ journey: RunnableJourney, event: IncomingEvent, profile: ProfileKey, previous: [PriorInstance],
        context: RuntimeContext
    ) -> EntryDecision {
        let now = context.now
        var name: String { "'\(journey.journey.id)' \(journey.journey.version)" }  // for refusals only
        guard journey.entryEvents.contains(event.eventName) else {
            return .discarded(.noInterestedJourney, "Journey \(name) does not start on '\(event.eventName)'.")
        }
        let status = context.journeyStatus ?? journey.journey.status
        guard journey.acceptsEntrances(at: now, status: status) else {
            return .discarded(.journeyNotAcceptingEntrances, "Journey \(name) is \(status.rawValue) or outside its dates.")
        }
        let inTest = status == .draftTest || context.testMode
        if status == .draftTest, !context.profile.isTestProfile {
            return .discarded(.notTestProfile, "Journey \(name) is in test mode and \(profile) is not a test profile.")
        }
        if previous.contains(where: \.isActive) {
            return .discarded(.reentranceNotAllowed, "\(profile) is already in journey \(name) (one place per journey).")
        }
        if let last = previous.lazy.map({ $0.endedAt ?? $0.enteredAt }).max() {
            let reentrance = journey.journey.properties.reentrance
            guard reentrance.allowed else {
                return .discarded(.reentranceNotAllowed, "Journey \(name) does not allow re-entrance.")
            }
            guard now >= last + reentrance.waitPeriod.milliseconds else {
                return .discarded(
                    .reentranceTooSoon, "\(profile) left journey \(name) less than \(reentrance.waitPeriod) ago.")
            }
        }
        guard let entry = journey.node(journey.entryNodeID) else {
            return .discarded(.noInterestedJourney, "Journey \(name) has no entry node.")
        }
        var execution = InstanceExecution(
            instance: JourneyInstance(
                instanceID: instanceID(version: journey.versionID, profile: profile, eventID: event.eventID, enteredAt: now),
                journeyID: journey.journey.id, journeyVersionID: journey.versionID, profile: profile,
                externalKey: event.externalKey ?? profile.id, enteredAt: now, inTest: inTest, isReentrance: !previous.isEmpty),
            journey: journey, context: context, eventID: event.eventID)
        var due = execution.globalDeadline
        var purpose = TimerPurpose.globalTimeout
        if let end = journey.journey.properties.endDate?.milliseconds, end < due {
            due = end
            purpose = .journeyEnd
        }
        execution.effects.append(.scheduleTimer(TimerRequest(
            id: execution.instance.globalTimerID, dueAt: due, payload: TimerPayload(nodeID: entry.id, purpose: purpose))))
        execution.keep(event, at: entry)
        execution.isEntrance = true
        execution.leave(entry, status: .transitions, trigger: .next, since: now)
        let (instance, effects) = execution.takeResult()
        return .entered(instance, effects)
    }

    /// The id of the instance an event starts: the entry instant, then a hash of
    /// `<version>␟<namespace>:<id>␟<event id>` (time-ordered, so the store's index of instance ids
    /// grows at its end).
    private static func instanceID(version: String, profile: ProfileKey, eventID: String, enteredAt: Int64) -> String {
        var hasher = IdentifierHasher()
        hasher.combine(version)
        hasher.combine("\u{1F}")
        hasher.combine(profile.namespace)
        hasher.combine(":")
        hasher.combine(profile.id)
        hasher.combine("\u{1F}")
        hasher.combine(eventID)
        return hasher.identifier(orderedBy: enteredAt)
    }
}
