/// The step event fields that depend only on the node, made once per journey version: writing
/// a step copies these strings instead of building them.
struct NodeStepFields: Sendable {
    /// `nodeName` and `stepName`: the node's label, else its id.
    let name: String
    /// `nodeType`: the node's kind (`start` is the entry step's own).
    let nodeType: String
    /// `stepType`: Event, Condition, Timer, Action, Scheduler, End.
    let stepType: String
    /// The parent transition fields of the steps of the nodes this one leads to.
    private let transitions: [ParentTransition]

    init(_ node: JourneyNode) {
        name = node.displayName
        nodeType = node.activity.kind
        stepType = Self.stepType(of: node.activity)
        var transitions: [ParentTransition] = []
        for (index, transition) in node.transitions.enumerated()
        where !transitions.contains(where: { $0.target == transition.target }) {
            let label = if case .path(let label) = transition.trigger { label } else { transition.trigger.kind }
            transitions.append(ParentTransition(target: transition.target, id: "\(node.id)#\(index)", name: label))
        }
        self.transitions = transitions
    }

    /// `parentTransitionID` and `parentTransitionName` of the step of `target` reached from this
    /// node: the first transition to it.
    func transition(to target: String) -> ParentTransition? { transitions.first { $0.target == target } }

    /// The `stepType` of a node's activity.
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

/// The transition a step was reached through, as its step event names it.
struct ParentTransition: Sendable {
    /// The node it leads to.
    let target: String
    /// `parentTransitionID`: `<node id>#<index of the transition>`.
    let id: String
    /// `parentTransitionName`: the path label, else the trigger's kind.
    let name: String
}
