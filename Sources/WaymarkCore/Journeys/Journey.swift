/// One version of a journey: its identity, properties and graph of nodes.
public struct Journey: Hashable, Sendable {
    /// The journey id, shared by all its versions.
    public var id: String
    /// The name shown to business users.
    public var name: String
    /// A description.
    public var description: String?
    /// Free tags.
    public var tags: [String]
    /// The version number.
    public var version: JourneyVersion
    /// The id of this version, if assigned.
    public var versionId: String?

    /// The version id step events and reports carry: `versionId` when assigned, else `id@version`.
    public var runtimeVersionID: String { versionId ?? "\(id)@\(version)" }
    /// The lifecycle status.
    public var status: JourneyStatus
    /// The identity namespace of the people in the journey (e.g. `Email`).
    public var namespace: String
    /// Re-entrance, dates, time zone and timeouts.
    public var properties: JourneyProperties
    /// The nodes, each with its outgoing transitions.
    public var nodes: [JourneyNode]

    /// Creates a journey version.
    public init(
        id: String, name: String, description: String? = nil, tags: [String] = [], version: JourneyVersion = .initial,
        versionId: String? = nil, status: JourneyStatus = .draft, namespace: String,
        properties: JourneyProperties = JourneyProperties(), nodes: [JourneyNode] = []
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.tags = tags
        self.version = version
        self.versionId = versionId
        self.status = status
        self.namespace = namespace
        self.properties = properties
        self.nodes = nodes
    }

    /// The node with the given id (the first one when ids repeat).
    public func node(id: String) -> JourneyNode? { nodes.first { $0.id == id } }

    /// The nodes no transition leads to, leftmost first.
    public var rootNodes: [JourneyNode] {
        let targets = Set(nodes.flatMap { $0.transitions.map(\.target) })
        return nodes.filter { !targets.contains($0.id) }.sorted(by: JourneyNode.canvasOrder)
    }

    /// The entry node: the leftmost node no transition leads to that can start a journey (an
    /// event or audience node), else the leftmost node no transition leads to.
    ///
    /// Other nodes no transition leads to are disconnected.
    public var entryNode: JourneyNode? {
        let roots = rootNodes
        return roots.first { $0.activity.canBeEntry } ?? roots.first
    }
}

extension Journey: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, description, tags, version, versionId, status, namespace, properties, nodes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            description: try container.decodeIfPresent(String.self, forKey: .description),
            tags: try container.decodeIfPresent([String].self, forKey: .tags) ?? [],
            version: try container.decodeIfPresent(JourneyVersion.self, forKey: .version) ?? .initial,
            versionId: try container.decodeIfPresent(String.self, forKey: .versionId),
            status: try container.decodeIfPresent(JourneyStatus.self, forKey: .status) ?? .draft,
            namespace: try container.decode(String.self, forKey: .namespace),
            properties: try container.decodeIfPresent(JourneyProperties.self, forKey: .properties) ?? JourneyProperties(),
            nodes: try container.decodeIfPresent([JourneyNode].self, forKey: .nodes) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        if !tags.isEmpty { try container.encode(tags, forKey: .tags) }
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(versionId, forKey: .versionId)
        try container.encode(status, forKey: .status)
        try container.encode(namespace, forKey: .namespace)
        if properties != JourneyProperties() { try container.encode(properties, forKey: .properties) }
        try container.encode(nodes, forKey: .nodes)
    }
}
