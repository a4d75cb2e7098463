extension InstanceExecution {
    /// Writes the step event of a node with every common field filled.
    mutating func writeStep(
        _ node: RunnableNode, status: StepStatus, ended: Bool, since: Int64, decorate: (inout StepEvent) -> Void = { _ in }
    ) {
        let sequence = nextSequence()
        let entrance = isEntrance
        isEntrance = false
        var step = StepEvent(
            eventID: eventID, nodeID: node.id, nodeName: node.node.displayName,
            nodeType: entrance ? "start" : node.node.activity.kind, stepID: instance.stepID(sequence),
            stepName: node.node.displayName, stepType: Self.stepType(of: node.node.activity), stepStatus: status,
            journeyID: instance.journeyID, journeyVersionID: instance.journeyVersionID,
            journeyVersionName: journey.journey.name, journeyVersion: journey.journey.version.description,
            instanceID: instance.instanceID, externalKey: instance.externalKey, timestamp: now,
            profileID: instance.profile.id, profileNamespace: instance.profile.namespace)
        step.entrance = entrance
        step.reentrance = entrance && instance.isReentrance
        step.instanceEnded = ended
        step.inTest = instance.inTest
        step.processingTime = max(0, now &- since)
        if instance.lastStepSequence != 0, let parent = journey.node(instance.lastStepNodeID) {
            step.parentStepID = instance.stepID(instance.lastStepSequence)
            step.parentStepName = parent.node.displayName
            if let (index, transition) = parent.node.transitions.enumerated().first(where: { $0.element.target == node.id }) {
                step.parentTransitionID = "\(parent.id)#\(index)"
                if case .path(let label) = transition.trigger {
                    step.parentTransitionName = label
                } else {
                    step.parentTransitionName = transition.trigger.kind
                }
            }
        }
        if transient.fetchNodeID == node.id, let fetchStep = transient.fetchStep { fetchStep(&step) }
        decorate(&step)
        instance.lastStepSequence = sequence
        instance.lastStepNodeID = node.id
        effects.append(.step(step))
    }

    /// The `stepType` of a node: Event, Condition, Timer, Action, Scheduler, End.
    static func stepType(of activity: NodeActivity) -> String {
        switch activity {
        case .event, .reaction, .audienceQualification: "Event"
        case .condition: "Condition"
        case .wait: "Timer"
        case .action, .jump, .updateProfile: "Action"
        case .readAudience: "Scheduler"
        case .end: "End"
        }
    }
}
