/// An edge of the journey graph: on what a person leaves a node, and to which node.
public struct Transition: Hashable, Sendable {
    /// What makes the person take this transition.
    public var trigger: Trigger
    /// The id of the node the person goes to.
    public var target: String

    /// Creates a transition.
    public init(_ trigger: Trigger, to target: String) {
        self.trigger = trigger
        self.target = target
    }

    /// What makes a person take a transition.
    public enum Trigger: Hashable, Sendable {
        /// The node completed normally (an event arrived, a wait ended, an action succeeded, …).
        case next
        /// A condition path with this label was chosen.
        case path(String)
        /// No condition path matched (or, for a profile cap, the cap was reached).
        case otherCases
        /// An event, reaction or audience timeout expired.
        case timeout
        /// An action or fetch failed or timed out.
        case error

        /// The `kind` string of the trigger in configs.
        public var kind: String {
            switch self {
            case .next: "next"
            case .path: "path"
            case .otherCases: "otherCases"
            case .timeout: "timeout"
            case .error: "error"
            }
        }
    }
}

extension Transition: Codable {
    private enum CodingKeys: String, CodingKey { case kind, label, target }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "next": trigger = .next
        case "path": trigger = .path(try container.decode(String.self, forKey: .label))
        case "otherCases": trigger = .otherCases
        case "timeout": trigger = .timeout
        case "error": trigger = .error
        default:
            throw container.unknownValue(kind, forKey: .kind, of: "transition kind", expected: "next, path, otherCases, timeout or error")
        }
        target = try container.decode(String.self, forKey: .target)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(trigger.kind, forKey: .kind)
        if case .path(let label) = trigger { try container.encode(label, forKey: .label) }
        try container.encode(target, forKey: .target)
    }
}
