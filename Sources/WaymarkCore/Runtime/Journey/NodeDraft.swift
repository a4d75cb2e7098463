/// A journey node being compiled: its expressions and the data it needs, before the journey
/// works out what each node keeps.
struct NodeDraft: Sendable {
    /// The node as configured.
    let node: JourneyNode
    /// Data source condition paths, in order.
    var conditions: [CompiledExpression] = []
    /// A custom wait's date-time.
    var waitUntil: CompiledExpression?
    /// Action payload (or template) variables by dotted path.
    var parameters: [NamedExpression] = []
    /// Variable headers and query parameters.
    var headers: [NamedExpression] = []
    var query: [NamedExpression] = []
    /// An action's dynamic path.
    var dynamicPath: CompiledExpression?
    /// An update-profile node's new value.
    var profileValue: CompiledExpression?
    /// The action config of an action node.
    var action: ActionConfig?
    /// External field groups to fetch before the node runs.
    var fetches: [FetchTemplate] = []
    /// Every field the node's expressions read.
    var references: [FieldReference] = []
    /// The node's id.
    var id: String { node.id }

    /// Whether the node must fetch external data before it runs.
    var needsFetch: Bool { !fetches.isEmpty }

    /// Whether running the node suspends the instance until a later input.
    var suspends: Bool {
        if needsFetch || node.activity.isWaiting { return true }
        if case .action = node.activity { return true }
        return false
    }
}
