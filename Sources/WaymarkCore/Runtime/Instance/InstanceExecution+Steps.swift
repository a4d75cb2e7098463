extension InstanceExecution {
    /// Writes the step event of a node with every common field filled.
    mutating func writeStep(
        _ node: RunnableNode, status: StepStatus, ended: Bool, since: Int64, details: StepDetails = .none
    ) {
        let sequence = nextSequence()
        // Built by a call whose result goes straight into the effect: the big struct is not copied.
        effects.append(.step(makeStep(node, sequence: sequence, status: status, ended: ended, since: since, details: details)))
        isEntrance = false
        instance.lastStepSequence = sequence
        instance.lastStepNodeID = node.id
    }

    /// The step event of a node with every common field filled; remembers it as the parent of the next.
    private mutating func makeStep(
        _ node: RunnableNode, sequence: UInt32, status: StepStatus, ended: Bool, since: Int64,
        details: StepDetails
    ) -> StepEvent {
        let fields = node.stepFields
        var step = StepEvent(
            eventID: eventID, nodeID: node.id, nodeName: fields.name, nodeType: isEntrance ? "start" : fields.nodeType,
            stepID: instance.stepID(sequence), stepName: fields.name, stepType: fields.stepType, stepStatus: status,
            journeyID: instance.journeyID, journeyVersionID: instance.journeyVersionID,
            journeyVersionName: journey.journey.name, journeyVersion: journey.versionText,
            instanceID: instance.instanceID, externalKey: instance.externalKey, timestamp: now,
            profileID: instance.profile.id, profileNamespace: instance.profile.namespace)
        step.entrance = isEntrance
        step.reentrance = isEntrance && instance.isReentrance
        step.instanceEnded = ended
        step.inTest = instance.inTest
        step.processingTime = max(0, now &- since)
        if let parent = parentStep() {
            step.parentStepID = parent.stepID
            step.parentStepName = parent.node.stepFields.name
            if let transition = parent.node.stepFields.transition(to: node.id) {
                step.parentTransitionID = transition.id
                step.parentTransitionName = transition.name
            }
        }
        if transient.fetchNodeID == node.id { transient.fetchStep.fill(&step) }
        details.fill(&step)
        lastStep = (node, step.stepID)
        return step
    }

    /// The node and step id of the last step written, the parent of the next one; `nil` before
    /// the first step (or when the journey lost the node).
    private func parentStep() -> (node: RunnableNode, stepID: String)? {
        if let lastStep { return lastStep }
        guard instance.lastStepSequence != 0, let node = journey.node(instance.lastStepNodeID) else { return nil }
        return (node, instance.stepID(instance.lastStepSequence))
    }
}
