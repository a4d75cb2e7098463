/// All the configs the engine knows: events, data sources, actions and journey versions, with lookups.
public struct Configuration: Hashable, Sendable {
    /// The event configs.
    public private(set) var events: [EventConfig]
    /// The data source configs (the built-in profile store is added when missing).
    public private(set) var dataSources: [DataSourceConfig]
    /// The action configs.
    public private(set) var actions: [ActionConfig]
    /// The journey versions.
    public private(set) var journeys: [Journey]

    private var eventIndex: [String: Int] = [:]
    private var eventIDIndex: [String: Int] = [:]
    private var dataSourceIndex: [String: Int] = [:]
    private var actionIndex: [String: Int] = [:]

    /// Creates a bundle; when two configs share a name (or an event an id) the first one wins.
    public init(
        events: [EventConfig] = [], dataSources: [DataSourceConfig] = [], actions: [ActionConfig] = [],
        journeys: [Journey] = []
    ) {
        self.events = events
        self.dataSources = dataSources
        if !dataSources.contains(where: { $0.name == DataSourceConfig.experiencePlatformName }) {
            self.dataSources.append(.experiencePlatform())
        }
        self.actions = actions
        self.journeys = journeys
        eventIndex = Self.index(events.map(\.name))
        eventIDIndex = Self.index(events.map(\.id))
        dataSourceIndex = Self.index(self.dataSources.map(\.name))
        actionIndex = Self.index(actions.map(\.name))
    }

    /// Creates a bundle from decoded documents.
    public init(documents: [ConfigDocument]) {
        var events: [EventConfig] = []
        var dataSources: [DataSourceConfig] = []
        var actions: [ActionConfig] = []
        var journeys: [Journey] = []
        for document in documents {
            switch document {
            case .event(let event): events.append(event)
            case .dataSource(let dataSource): dataSources.append(dataSource)
            case .action(let action): actions.append(action)
            case .journey(let journey): journeys.append(journey)
            }
        }
        self.init(events: events, dataSources: dataSources, actions: actions, journeys: journeys)
    }

    /// Every config as a document: events, data sources, actions, journey versions.
    public var documents: [ConfigDocument] {
        events.map(ConfigDocument.event) + dataSources.map(ConfigDocument.dataSource) + actions.map(ConfigDocument.action)
            + journeys.map(ConfigDocument.journey)
    }

    /// The event named `name`.
    public func event(named name: String) -> EventConfig? { eventIndex[name].map { events[$0] } }

    /// The event whose id is `id`.
    public func event(id: String) -> EventConfig? { eventIDIndex[id].map { events[$0] } }

    /// The data source named `name`.
    public func dataSource(named name: String) -> DataSourceConfig? { dataSourceIndex[name].map { dataSources[$0] } }

    /// The action named `name`.
    public func action(named name: String) -> ActionConfig? { actionIndex[name].map { actions[$0] } }

    /// The versions of the journey `id`, oldest first.
    public func versions(ofJourney id: String) -> [Journey] {
        journeys.filter { $0.id == id }.sorted { $0.version < $1.version }
    }

    /// The latest version of the journey `id`.
    public func journey(id: String) -> Journey? { versions(ofJourney: id).last }

    /// The journey versions whose event nodes enter on or wait for the event named `name`.
    public func journeysUsing(event name: String) -> [Journey] {
        journeys.filter { $0.uses(event: name) }
    }

    /// The journey versions whose action nodes run the action named `name`.
    public func journeysUsing(action name: String) -> [Journey] {
        journeys.filter { $0.uses(action: name) }
    }

    private static func index(_ keys: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, key) in keys.enumerated() where index[key] == nil { index[key] = position }
        return index
    }
}
