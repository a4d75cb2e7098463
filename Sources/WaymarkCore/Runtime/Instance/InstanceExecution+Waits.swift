extension InstanceExecution {
    /// The instant the global journey timeout ends the instance.
    var globalDeadline: Int64 { instance.enteredAt + journey.journey.properties.globalTimeout.milliseconds }

    /// Starts a wait node: a timer at its end, or on at once when the end has passed. A wait that
    /// would end after the global timeout is not entered: the person leaves (`instanceTimedout`).
    mutating func runWait(_ node: RunnableNode, _ wait: Wait) {
        var due: Int64
        switch wait {
        case .duration(let duration): due = now + duration.milliseconds
        case .fixedDate(let date): due = date.milliseconds
        case .custom:
            guard let expression = node.waitUntil else { return fail(node, code: "unfinishedNode", since: now) }
            do {
                switch try evaluating(for: node, { evaluation throws(ExpressionError) in try expression.evaluate(in: evaluation) }) {
                case .dateTime(let instant): due = instant.epochMilliseconds
                case .dateTimeOnly(let local):
                    guard let instant = zone(preferringProfile: false).epochMilliseconds(of: local) else {
                        return fail(node, code: "waitDateOutOfRange", since: now)
                    }
                    due = instant
                default: return fail(node, code: "waitDateMissing", since: now)
                }
            } catch {
                return fail(node, code: error.code.rawValue, since: now)
            }
        }
        if instance.inTest { due = now + context.testDuration }
        if due > globalDeadline {
            instance.errorInfo.lastNodeIDInError = node.id
            instance.errorInfo.lastErrorCode = "waitBeyondGlobalTimeout"
            return leave(node, status: .instanceTimedout, trigger: nil, since: now)
        }
        if due <= now { return leave(node, status: .transitions, trigger: .next, since: now) }
        addWait(node, timeout: nil, purpose: .waitEnd, dueAt: due)
    }

    /// Moves the person on from the wait point at `index`: the other parallel waits are dropped
    /// and their timers cancelled (all but the one that fired, when one did).
    mutating func resume(waitAt index: Int, trigger: Transition.Trigger, timerFired: Bool) {
        let wait = instance.waits[index]
        for (position, other) in instance.waits.enumerated() {
            guard let sequence = other.timer, !(timerFired && position == index) else { continue }
            effects.append(.cancelTimer(instance.timerID(sequence)))
        }
        instance.waits = []
        guard let node = journey.node(wait.nodeID) else { return }
        leave(node, status: .transitions, trigger: trigger, since: wait.since)
    }
}
