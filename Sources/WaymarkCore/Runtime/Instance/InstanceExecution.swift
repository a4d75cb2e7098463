/// One input's run through a journey: moves the person from node to node and collects effects.
struct InstanceExecution {
    var instance: JourneyInstance
    let journey: RunnableJourney
    let context: RuntimeContext
    /// The `eventID` of the steps written: the external event's id or an internal name.
    var eventID: String
    var transient = TransientData()
    var effects: [RuntimeEffect] = []
    /// The next step written is the person's entrance.
    var isEntrance = false
    /// The node and id of the last step this run wrote (the parent of the next step).
    var lastStep: (node: RunnableNode, stepID: String)?
    /// Nodes still allowed in this run: a guard against cycles in a journey that slipped past validation.
    private var budget = 500

    init(instance: JourneyInstance, journey: RunnableJourney, context: RuntimeContext, eventID: String) {
        self.instance = instance
        self.journey = journey
        self.context = context
        self.eventID = eventID
        effects.reserveCapacity(4)
    }

    var now: Int64 { context.now }

    // MARK: - Moving through the graph

    /// Runs a node the person reaches: immediate nodes complete now, waiting ones suspend.
    mutating func enter(_ nodeID: String, since: Int64? = nil) {
        let since = since ?? now
        budget -= 1
        guard let node = journey.node(nodeID) else {
            return endInError(code: "unknownNode", nodeID: nodeID)
        }
        guard budget > 0 else { return fail(node, code: "loop", since: since) }
        if node.needsFetch, transient.fetchNodeID != nodeID { return startFetch(node) }
        switch node.node.activity {
        case .event(let activity): addWait(node, timeout: activity.timeout, purpose: .eventTimeout)
        case .reaction(let activity): addWait(node, timeout: activity.timeout, purpose: .reactionTimeout)
        case .audienceQualification(let activity): addWait(node, timeout: activity.timeout, purpose: .eventTimeout)
        case .readAudience: leave(node, status: .transitions, trigger: .next, since: since)
        case .condition(let condition?): runCondition(node, condition, since: since)
        case .wait(let wait?): runWait(node, wait)
        case .action: startAction(node)
        case .jump(let jump): runJump(node, jump)
        case .updateProfile(let update): runUpdateProfile(node, update)
        case .end: leave(node, status: .ended, trigger: nil, since: since)
        case .condition(nil), .wait(nil): fail(node, code: "unfinishedNode", since: since)
        }
    }

    /// Writes the step of a node the person leaves and follows the transitions of `trigger`;
    /// with none the instance ends there (`transitions` becomes `ended`).
    mutating func leave(
        _ node: RunnableNode, status: StepStatus, trigger: Transition.Trigger?, since: Int64,
        details: StepDetails = .none
    ) {
        let transitions = node.node.transitions
        let ends = trigger.map { trigger in !transitions.contains { $0.trigger == trigger } } ?? true
        let finalStatus = ends && status == .transitions ? StepStatus.ended : status
        writeStep(node, status: finalStatus, ended: ends, since: since, details: details)
        if ends { return finish(finalStatus) }
        for transition in transitions where transition.trigger == trigger && instance.isActive && instance.pendingCall == nil {
            enter(transition.target)
        }
    }

    /// Sends the person down the node's error path, or ends the instance in error.
    mutating func fail(
        _ node: RunnableNode, code: String, status: StepStatus = .error, since: Int64, details: StepDetails = .none
    ) {
        instance.errorInfo.lastNodeIDInError = node.id
        instance.errorInfo.lastErrorCode = code
        leave(node, status: status, trigger: .error, since: since, details: details)
    }

    /// Ends the instance when the journey itself is broken (an unknown node): no step can name it.
    private mutating func endInError(code: String, nodeID: String) {
        instance.errorInfo.lastNodeIDInError = nodeID
        instance.errorInfo.lastErrorCode = code
        finish(.error)
    }

    /// Ends the instance wherever it is (global timeout, end date, stop): one step at the node it
    /// waits at, then the end.
    mutating func terminate(_ status: StepStatus, firedTimer: String?) {
        let nodeID = instance.waits.first?.nodeID ?? instance.pendingCall?.nodeID
            ?? (instance.lastStepSequence == 0 ? journey.entryNodeID : instance.lastStepNodeID)
        let since = instance.waits.first?.since ?? instance.pendingCall?.since ?? now
        if let node = journey.node(nodeID) { writeStep(node, status: status, ended: true, since: since) }
        finish(status, firedTimer: firedTimer)
    }

    /// Ends the instance: cancels its timers (but the one firing), drops what it kept.
    mutating func finish(_ status: StepStatus, firedTimer: String? = nil) {
        if instance.isActive {
            if !(firedTimer.map(instance.isGlobalTimer) ?? false) { effects.append(.cancelTimer(instance.globalTimerID)) }
            for wait in instance.waits {
                guard let sequence = wait.timer else { continue }
                if let firedTimer, instance.isTimer(firedTimer, sequence: sequence) { continue }
                effects.append(.cancelTimer(instance.timerID(sequence)))
            }
        }
        instance.endStatus = status
        instance.waits = []
        instance.pendingCall = nil
        instance.events = [:]
        instance.actions = [:]
        effects.append(.instanceEnded(status))
    }

    /// Moves the instance and the effects out of the run (which is over), without copying them.
    mutating func takeResult() -> (JourneyInstance, [RuntimeEffect]) {
        var instance = JourneyInstance.vacant
        var effects: [RuntimeEffect] = []
        swap(&instance, &self.instance)
        swap(&effects, &self.effects)
        return (instance, effects)
    }

    /// Takes the next number for a step, timer or call.
    mutating func nextSequence() -> UInt32 {
        instance.sequence &+= 1
        return instance.sequence
    }

    /// Schedules a timer of the instance for a node.
    mutating func scheduleTimer(_ node: RunnableNode, purpose: TimerPurpose, dueAt: Int64) -> UInt32 {
        let sequence = nextSequence()
        effects.append(.scheduleTimer(TimerRequest(
            id: instance.timerID(sequence), dueAt: dueAt, payload: TimerPayload(nodeID: node.id, purpose: purpose))))
        return sequence
    }

    /// Makes the person wait at a node, with a timer when it has a timeout (shortened in test mode).
    mutating func addWait(_ node: RunnableNode, timeout: ISODuration?, purpose: TimerPurpose, dueAt: Int64? = nil) {
        var wait = WaitPoint(nodeID: node.id, since: now)
        if let due = dueAt ?? timeout.map({ now + (instance.inTest ? context.testDuration : $0.milliseconds) }) {
            wait.timer = scheduleTimer(node, purpose: purpose, dueAt: due)
        }
        instance.waits.append(wait)
    }

    /// Runs `body` with a context for evaluating the expressions of `node`. The instance and the
    /// transient data move into the context while `body` runs (instead of being copied), so
    /// `body` reads them there.
    mutating func evaluating<Result>(
        for node: RunnableNode, _ body: (InstanceEvaluationContext) throws(ExpressionError) -> Result
    ) throws(ExpressionError) -> Result {
        let evaluation = InstanceEvaluationContext(journey: journey, runtime: context, nodeID: node.id)
        swap(&evaluation.instance, &instance)
        swap(&evaluation.transient, &transient)
        defer {
            swap(&evaluation.instance, &instance)
            swap(&evaluation.transient, &transient)
        }
        return try body(evaluation)
    }
}
