/// A journey node ready to run: its expressions compiled, the data it needs and keeps.
///
/// A class, shared by every instance of the version: looking a node up copies one reference.
final class RunnableNode: Sendable {
    /// The node as configured.
    let node: JourneyNode
    /// Data source condition paths, in order.
    let conditions: [CompiledExpression]
    /// A custom wait's date-time.
    let waitUntil: CompiledExpression?
    /// Action payload (or template) variables by dotted path, headers and query parameters.
    let parameters: [NamedExpression]
    let headers: [NamedExpression]
    let query: [NamedExpression]
    /// An action's dynamic path.
    let dynamicPath: CompiledExpression?
    /// An update-profile node's new value.
    let profileValue: CompiledExpression?
    /// The action config of an action node.
    let action: ActionConfig?
    /// External field groups to fetch before the node runs.
    let fetches: [FetchTemplate]
    /// Every field the node's expressions read.
    let references: [FieldReference]
    /// What to keep of the event (event nodes) or response (action nodes) received here.
    let retention: RetentionRule?
    /// The fields of this node's step events that never change.
    let stepFields: NodeStepFields

    init(_ draft: NodeDraft, retention: RetentionRule?) {
        node = draft.node
        conditions = draft.conditions
        waitUntil = draft.waitUntil
        parameters = draft.parameters
        headers = draft.headers
        query = draft.query
        dynamicPath = draft.dynamicPath
        profileValue = draft.profileValue
        action = draft.action
        fetches = draft.fetches
        references = draft.references
        self.retention = retention
        stepFields = NodeStepFields(draft.node)
    }

    /// The node's id.
    var id: String { node.id }

    /// Whether the node must fetch external data before it runs.
    var needsFetch: Bool { !fetches.isEmpty }
}
