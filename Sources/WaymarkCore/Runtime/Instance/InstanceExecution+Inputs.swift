extension InstanceExecution {
    /// An event for the profile: moves the person on from the event node waiting for it.
    mutating func receive(_ event: IncomingEvent) {
        moveOn(eventID: event.eventID, keeping: event) { activity in
            if case .event(let awaited) = activity { awaited.event == event.eventName } else { false }
        }
    }

    /// Tracking of a sent message: moves the person on from the reaction node waiting for it.
    mutating func receive(_ tracking: MessageTracking) {
        moveOn(eventID: tracking.eventID) { activity in
            guard case .reaction(let reaction) = activity else { return false }
            return reaction.actionNode == tracking.actionNodeID && reaction.reaction == tracking.kind
        }
    }

    /// A change of audience membership: moves the person on from the audience node waiting for it.
    mutating func receive(_ change: AudienceChange) {
        moveOn(eventID: change.eventID) { activity in
            guard case .audienceQualification(let awaited) = activity else { return false }
            return awaited.audience == change.audience && awaited.behavior == change.behavior
        }
    }

    /// Moves the person on along `next` from the first wait point whose node `accepts` the input,
    /// keeping what later expressions read of the event it brings; nothing when none accepts it.
    private mutating func moveOn(eventID: String, keeping event: IncomingEvent? = nil, accepts: (NodeActivity) -> Bool) {
        guard let index = instance.waits.firstIndex(where: { journey.node($0.nodeID).map { accepts($0.node.activity) } ?? false })
        else { return }
        self.eventID = eventID
        if let event { keep(event, at: journey.node(instance.waits[index].nodeID)) }
        resume(waitAt: index, trigger: .next, timerFired: false)
    }

    /// Keeps what later expressions read of an event received at a node.
    mutating func keep(_ event: IncomingEvent, at node: RunnableNode?) {
        transient.event = (event.eventName, event.payload)
        if let rule = node?.retention { instance.events[event.eventName] = rule.apply(to: event.payload) }
    }

    /// A due timer: the end of a wait, an event or reaction timeout, the global timeout or end date.
    mutating func fire(_ timer: TimerFiring) {
        eventID = "scheduledNotificationReceived"
        switch timer.payload.purpose {
        case .globalTimeout, .journeyEnd:
            guard instance.isGlobalTimer(timer.timerID) else { return }
            terminate(timer.payload.purpose == .globalTimeout ? .instanceTimedout : .ended, firedTimer: timer.timerID)
        case .waitEnd, .eventTimeout, .reactionTimeout:
            guard let index = instance.waits.firstIndex(where: { wait in
                guard let sequence = wait.timer else { return false }
                return wait.nodeID == timer.payload.nodeID && instance.isTimer(timer.timerID, sequence: sequence)
            }) else { return }
            resume(waitAt: index, trigger: timer.payload.purpose == .waitEnd ? .next : .timeout, timerFired: true)
        }
    }

    /// The result of the action the instance waits for: on along `next`, or the error path.
    mutating func complete(action result: ExternalCallResult) {
        guard let pending = instance.pendingCall, pending.kind == .action,
            instance.isCall(result.callID, nodeID: pending.nodeID, sequence: pending.sequence),
            let node = journey.node(pending.nodeID), case .action(let activity) = node.node.activity
        else { return }
        eventID = "executedAction"
        instance.pendingCall = nil
        instance.errorInfo.lastActionExecutionElapsedTime = result.executionTime
        let name = activity.action ?? ""
        let response = Self.withStatus(result.response, status: result.status)
        transient.action = (name, response)
        let parameterized = !node.parameters.isEmpty
        guard let kind = result.errorKind else {
            if let rule = node.retention { instance.actions[name] = rule.apply(to: response) }
            return leave(
                node, status: .transitions, trigger: .next, since: pending.since,
                details: .action(result, config: node.action, parameterized: parameterized))
        }
        instance.errorInfo.lastExecutedActionErrorCode = result.errorCode ?? result.status.map(String.init) ?? kind.actionErrorName
        fail(
            node, code: kind.actionErrorName, status: kind.stepStatus, since: pending.since,
            details: .action(result, config: node.action, parameterized: parameterized))
    }

    /// The result of the fetch a node waits for: the node runs with the data, or takes its error path.
    mutating func complete(fetch result: ExternalCallResult) {
        guard let pending = instance.pendingCall, pending.kind == .fetch,
            instance.isCall(result.callID, nodeID: pending.nodeID, sequence: pending.sequence),
            let node = journey.node(pending.nodeID)
        else { return }
        eventID = "executedFetch"
        instance.pendingCall = nil
        instance.errorInfo.lastDataFetchElapsedTime = result.executionTime
        guard let kind = result.errorKind else {
            if case .object(let groups) = result.response {
                for (key, value) in groups.pairs { transient.fetched[key] = value }
            }
            transient.fetchNodeID = node.id
            transient.fetchStep = .fetch(result)
            return enter(node.id, since: pending.since)
        }
        instance.errorInfo.lastDataFetchErrorCode = result.errorCode ?? result.status.map(String.init) ?? kind.fetchErrorName
        fail(node, code: kind.fetchErrorName, status: kind.stepStatus, since: pending.since, details: .fetch(result))
    }

    /// A response object with `jo_status_code` (`http_<status>`) added.
    static func withStatus(_ response: JSONValue, status: Int?) -> JSONValue {
        var fields = JSONValue.noFields
        if case .object(let original) = response { fields = original }
        fields["jo_status_code"] = .string("http_" + String(status ?? 200))
        return .object(fields)
    }
}
