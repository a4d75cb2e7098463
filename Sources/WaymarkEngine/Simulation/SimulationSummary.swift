import WaymarkCore

/// The paths people took through journeys, counted from step events: what `simulate` prints.
public struct SimulationSummary: Hashable, Sendable {
    /// One node's count.
    public struct NodeCount: Hashable, Sendable {
        /// The node's id.
        public var nodeID: String
        /// The node's label (its id when it has none).
        public var nodeName: String
        /// How many steps (or endings) it counts.
        public var count: Int
    }

    /// One transition's count: people who went from one node to the next.
    public struct TransitionCount: Hashable, Sendable {
        /// The node people left.
        public var fromNodeID: String
        /// The node they went to.
        public var toNodeID: String
        /// The transition's name (e.g. a condition path's label, `timeout`), when it has one.
        public var name: String?
        /// How many times it was taken.
        public var count: Int
    }

    /// The number of people who entered (entrance steps).
    public var entered: Int
    /// Steps per node, in the order nodes were first reached.
    public var nodes: [NodeCount]
    /// Transitions taken, in the order first taken.
    public var transitions: [TransitionCount]
    /// Instances ended, per node they ended at, with status `ended`.
    public var endedAt: [NodeCount]
    /// Instances that ended in error, per node.
    public var errorsAt: [NodeCount]
    /// Instances stopped by the journey's global timeout.
    public var timedOut: Int
    /// Discarded events by reason.
    public var discards: [DiscardRecord.Reason: Int]

    /// Counts the paths of `steps` (in the order written) and the `discards`.
    public init(steps: [StepEvent], discards: [DiscardRecord] = []) {
        var nodeOfStep: [String: String] = [:]
        var nodes = CountedList<String>(), ended = CountedList<String>(), errors = CountedList<String>()
        var transitions = CountedList<TransitionKey>()
        var names: [String: String] = [:]
        var entered = 0, timedOut = 0
        for step in steps {
            nodeOfStep[step.stepID] = step.nodeID
            names[step.nodeID] = names[step.nodeID] ?? step.nodeName
            nodes.add(step.nodeID)
            if step.entrance { entered += 1 }
            if let parent = step.parentStepID, let from = nodeOfStep[parent], from != step.nodeID {
                transitions.add(TransitionKey(from: from, to: step.nodeID, name: step.parentTransitionName))
            }
            if step.instanceEnded {
                switch step.stepStatus {
                case .ended, .transitions: ended.add(step.nodeID)
                case .instanceTimedout: timedOut += 1
                case .error, .capped, .timedout: errors.add(step.nodeID)
                }
            }
        }
        func counts(_ list: CountedList<String>) -> [NodeCount] {
            list.entries.map { NodeCount(nodeID: $0.key, nodeName: names[$0.key] ?? $0.key, count: $0.count) }
        }
        self.entered = entered
        self.nodes = counts(nodes)
        self.endedAt = counts(ended)
        self.errorsAt = counts(errors)
        self.transitions = transitions.entries.map {
            TransitionCount(fromNodeID: $0.key.from, toNodeID: $0.key.to, name: $0.key.name, count: $0.count)
        }
        self.timedOut = timedOut
        self.discards = Dictionary(grouping: discards, by: \.reason).mapValues(\.count)
    }

    /// The number of steps at `nodeID`.
    public func count(atNode nodeID: String) -> Int { nodes.first { $0.nodeID == nodeID }?.count ?? 0 }

    /// The number of instances that ended successfully at `nodeID`.
    public func endedCount(atNode nodeID: String) -> Int { endedAt.first { $0.nodeID == nodeID }?.count ?? 0 }

    /// The number of times people went from `from` to `to`.
    public func transitionCount(from: String, to: String) -> Int {
        transitions.filter { $0.fromNodeID == from && $0.toNodeID == to }.reduce(0) { $0 + $1.count }
    }

    private struct TransitionKey: Hashable {
        var from: String
        var to: String
        var name: String?
    }
}

/// Counts of keys in the order first seen.
private struct CountedList<Key: Hashable> {
    private var positions: [Key: Int] = [:]
    private(set) var entries: [(key: Key, count: Int)] = []

    mutating func add(_ key: Key) {
        if let position = positions[key] {
            entries[position].count += 1
        } else {
            positions[key] = entries.count
            entries.append((key, 1))
        }
    }
}
