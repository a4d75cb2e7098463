/// What the event catalog makes of one incoming event.
///
/// - `problems` not empty: a matched config's schema refuses the event; it is rejected whole.
/// - else `routes` not empty: accepted for those configs (other matched configs whose key
///   could not be computed are in `discards`).
/// - else: discarded, for the reasons in `discards` (no config matched, or no key computed).
public struct EventClassification: Hashable, Sendable {
    /// What happens to the event.
    public enum Outcome: Hashable, Sendable {
        case routed
        case rejected
        case discarded
    }

    /// The matched configs whose key was computed, in configuration order.
    public var routes: [EventRoute] = []
    /// The matched configs whose key could not be computed, or why nothing matched.
    public var discards: [EventDiscard] = []
    /// Schema problems of the matched configs.
    public var problems: [IngestionError] = []

    /// Creates a classification.
    public init(routes: [EventRoute] = [], discards: [EventDiscard] = [], problems: [IngestionError] = []) {
        self.routes = routes
        self.discards = discards
        self.problems = problems
    }

    /// What happens to the event.
    public var outcome: Outcome {
        if !problems.isEmpty { return .rejected }
        return routes.isEmpty ? .discarded : .routed
    }
}
