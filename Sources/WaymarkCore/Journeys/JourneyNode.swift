/// A node on the journey canvas: what happens there and where people go next.
public struct JourneyNode: Hashable, Sendable {
    /// The node id, unique in the journey.
    public var id: String
    /// The label shown on the canvas.
    public var label: String?
    /// Where the node is drawn.
    public var position: CanvasPosition
    /// What the node does.
    public var activity: NodeActivity
    /// The outgoing transitions, in order.
    public var transitions: [Transition]

    /// Creates a node.
    public init(
        id: String, label: String? = nil, position: CanvasPosition = CanvasPosition(), activity: NodeActivity,
        transitions: [Transition] = []
    ) {
        self.id = id
        self.label = label
        self.position = position
        self.activity = activity
        self.transitions = transitions
    }

    /// The label, else the id: what messages call the node.
    public var displayName: String { label.flatMap { $0.isEmpty ? nil : $0 } ?? id }

    /// Canvas reading order: left to right, then top to bottom, then by id.
    public static func canvasOrder(_ lhs: JourneyNode, _ rhs: JourneyNode) -> Bool {
        (lhs.position.x, lhs.position.y, lhs.id) < (rhs.position.x, rhs.position.y, rhs.id)
    }
}

extension JourneyNode: Codable {
    private enum CodingKeys: String, CodingKey { case id, label, position, transitions }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        position = try container.decodeIfPresent(CanvasPosition.self, forKey: .position) ?? CanvasPosition()
        activity = try NodeActivity(from: decoder)
        transitions = try container.decodeIfPresent([Transition].self, forKey: .transitions) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(label, forKey: .label)
        try container.encode(position, forKey: .position)
        try activity.encode(to: encoder)
        if !transitions.isEmpty { try container.encode(transitions, forKey: .transitions) }
    }
}
