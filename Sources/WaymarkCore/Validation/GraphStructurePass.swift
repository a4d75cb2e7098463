/// Rules on the shape of the graph: entry, ids, size, transitions, loops, parallel branches, disconnected nodes.
public struct GraphStructurePass: JourneyValidationPass {
    /// The most activities (nodes other than end nodes) a journey may have.
    public static let maximumActivities = 50

    /// Creates the pass.
    public init() {}

    public func issues(in context: JourneyValidationContext) -> [ValidationIssue] {
        var issues = entryIssues(context) + globalIssues(context)
        for node in context.journey.nodes {
            issues += transitionIssues(node, context)
            issues += parallelIssues(node, context)
            if case .readAudience = node.activity, node.id != context.entry?.id {
                issues.append(.error(.readAudienceNotEntry, node: node.id, "A read audience can only start the journey."))
            }
            if context.entry != nil, !context.reachable.contains(node.id) {
                issues.append(.warning(
                    .disconnectedNode, node: node.id, "\"\(node.displayName)\" is not connected to the start of the journey."))
            }
        }
        return issues
    }

    private func entryIssues(_ context: JourneyValidationContext) -> [ValidationIssue] {
        let nodes = context.journey.nodes
        guard nodes.contains(where: \.activity.canBeEntry) else {
            return [.error(.noEntry, "The journey must start with an event or an audience.")]
        }
        guard let entry = context.entry else {
            return [.error(.noEntry, "No node starts the journey: every node has a node before it.")]
        }
        if !entry.activity.canBeEntry {
            return [.error(.entryNotFirst, node: entry.id, "The journey must start with an event or an audience, not \"\(entry.displayName)\".")]
        }
        return []
    }

    private func globalIssues(_ context: JourneyValidationContext) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var seen: Set<String> = []
        var reported: Set<String> = []
        for node in context.journey.nodes where !seen.insert(node.id).inserted && reported.insert(node.id).inserted {
            issues.append(.error(.duplicateNodeID, "Several nodes have the id \"\(node.id)\"."))
        }
        let activities = context.journey.nodes.filter { $0.activity != .end }.count
        if activities > Self.maximumActivities {
            issues.append(.error(
                .tooManyActivities, "The journey has \(activities) activities; at most \(Self.maximumActivities) are allowed."))
        }
        for cycle in cycles(context) {
            let names = cycle.map { context.nodesByID[$0]?.displayName ?? $0 }
            issues.append(.error(.loop, "The journey loops: \(names.joined(separator: " → ")). Journeys cannot go back."))
        }
        return issues
    }

    /// One node list per back edge found by a depth-first search, the first node repeated at the end.
    private func cycles(_ context: JourneyValidationContext) -> [[String]] {
        var state: [String: Bool] = [:]  // false: on the current path, true: done
        var path: [String] = []
        var found: [[String]] = []
        func visit(_ id: String) {
            state[id] = false
            path.append(id)
            for target in context.nodesByID[id]?.transitions.map(\.target) ?? [] where context.nodesByID[target] != nil {
                switch state[target] {
                case nil: visit(target)
                case false?: found.append(Array(path[path.lastIndex(of: target)!...]) + [target])
                case true?: break
                }
            }
            path.removeLast()
            state[id] = true
        }
        for node in context.journey.nodes.sorted(by: JourneyNode.canvasOrder) where state[node.id] == nil { visit(node.id) }
        return found
    }

    private func transitionIssues(_ node: JourneyNode, _ context: JourneyValidationContext) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var seen: Set<Transition.Trigger> = []
        for (index, transition) in node.transitions.enumerated() {
            let field = "transitions[\(index)]"
            if context.nodesByID[transition.target] == nil {
                issues.append(.error(.unknownTarget, node: node.id, field: field, "This path leads to a node that does not exist (\"\(transition.target)\")."))
            }
            if let problem = disallowed(transition.trigger, from: node, isEntry: node.id == context.entry?.id) {
                issues.append(.error(.invalidTransition, node: node.id, field: field, problem))
            } else if transition.trigger != .next, !seen.insert(transition.trigger).inserted {
                issues.append(.error(.duplicateTransition, node: node.id, field: field, "The \(describe(transition.trigger)) leads to several nodes."))
            }
        }
        return issues
    }

    /// Why a node cannot have a transition, or `nil` when it can.
    private func disallowed(_ trigger: Transition.Trigger, from node: JourneyNode, isEntry: Bool) -> String? {
        let allowed: Bool
        switch (node.activity, trigger) {
        case (.end, _):
            return "An end node has no path after it."
        case (_, .next):
            if case .condition(let condition) = node.activity {
                allowed = if case .profileCap? = condition { true } else { false }
            } else {
                allowed = true
            }
        case (.event(let event), .timeout):
            allowed = event.timeout != nil && !isEntry
        case (.reaction(let reaction), .timeout):
            allowed = reaction.timeout != nil
        case (.audienceQualification(let audience), .timeout):
            allowed = audience.timeout != nil && !isEntry
        case (.action, .error):
            allowed = true
        case (.condition(let condition), .path(let label)):
            allowed = condition?.pathLabels.contains(label) ?? false
            if !allowed { return "The condition has no path labelled \"\(label)\"." }
        case (.condition(let condition), .otherCases):
            allowed = if case .percentage? = condition { false } else { true }
        default:
            allowed = false
        }
        return allowed ? nil : "A \(node.activity.kind) node cannot have a \(describe(trigger))."
    }

    private func describe(_ trigger: Transition.Trigger) -> String {
        switch trigger {
        case .next: "next path"
        case .path(let label): "path \"\(label)\""
        case .otherCases: "\"other cases\" path"
        case .timeout: "timeout path"
        case .error: "error path"
        }
    }

    private func parallelIssues(_ node: JourneyNode, _ context: JourneyValidationContext) -> [ValidationIssue] {
        let siblings = context.nextNodes(of: node)
        guard siblings.count > 1 else { return [] }
        if siblings.contains(where: { if case .action = $0.activity { true } else { false } }) {
            return [.error(.parallelActions, node: node.id, "Actions cannot stand in parallel: after \"\(node.displayName)\" choose one path.")]
        }
        if !siblings.allSatisfy(\.activity.isWaiting) {
            return [.error(.invalidParallel, node: node.id, "Only events, reactions and waits can stand in parallel after \"\(node.displayName)\".")]
        }
        return []
    }
}
