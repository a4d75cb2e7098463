/// A journey with the configuration it refers to, and the graph facts passes share.
public struct JourneyValidationContext: Sendable {
    /// The journey being validated.
    public let journey: Journey
    /// The events, data sources, actions and journeys it may refer to.
    public let configuration: Configuration
    /// The nodes by id (the first node for a repeated id).
    public let nodesByID: [String: JourneyNode]
    /// The entry node (see `Journey.entryNode`).
    public let entry: JourneyNode?
    /// The ids of the nodes reachable from the entry (the entry included).
    public let reachable: Set<String>
    /// For each node id, the ids of the nodes with a transition to it.
    public let predecessors: [String: [String]]

    /// Computes the shared facts of a journey.
    public init(journey: Journey, configuration: Configuration) {
        self.journey = journey
        self.configuration = configuration
        var nodesByID: [String: JourneyNode] = [:]
        for node in journey.nodes where nodesByID[node.id] == nil { nodesByID[node.id] = node }
        self.nodesByID = nodesByID
        entry = journey.entryNode
        var reachable: Set<String> = []
        var pending = entry.map { [$0.id] } ?? []
        while let id = pending.popLast() {
            guard reachable.insert(id).inserted, let node = nodesByID[id] else { continue }
            pending += node.transitions.map(\.target).filter { nodesByID[$0] != nil }
        }
        self.reachable = reachable
        var predecessors: [String: [String]] = [:]
        for node in journey.nodes {
            for target in Set(node.transitions.map(\.target)) { predecessors[target, default: []].append(node.id) }
        }
        self.predecessors = predecessors
    }

    /// Whether a path leads from the node `earlier` to the node `node`.
    public func isUpstream(_ earlier: String, of node: String) -> Bool {
        var seen: Set<String> = []
        var pending = predecessors[node] ?? []
        while let id = pending.popLast() {
            if id == earlier { return true }
            if seen.insert(id).inserted { pending += predecessors[id] ?? [] }
        }
        return false
    }

    /// The nodes the `next` transitions of a node lead to.
    public func nextNodes(of node: JourneyNode) -> [JourneyNode] {
        node.transitions.filter { $0.trigger == .next }.compactMap { nodesByID[$0.target] }
    }

    /// Every expression of the journey, with the node and setting it belongs to.
    public var expressions: [JourneyExpression] { journey.nodes.flatMap { JourneyExpression.expressions(of: $0, in: configuration) } }
}
