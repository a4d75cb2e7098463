extension RunnableJourney {
    /// Compiles every node's expressions and works out what each node needs and keeps.
    static func compileNodes(
        of journey: Journey, entryNodeID: String, configuration: Configuration
    ) throws(RuntimeError) -> [String: RunnableNode] {
        let schema = ConfigurationSchema(configuration: configuration)
        var drafts: [String: NodeDraft] = [:]
        for node in journey.nodes where drafts[node.id] == nil {
            drafts[node.id] = try compile(node, schema: schema, configuration: configuration)
        }
        var retentions: [String: RetentionRule] = [:]
        let hasJump = journey.nodes.contains { if case .jump = $0.activity { true } else { false } }
        for node in journey.nodes {
            let produced: String?
            switch node.activity {
            case .event(let activity): produced = activity.event
            case .action(let activity): produced = activity.action
            default: produced = nil
            }
            guard let name = produced else { continue }
            let kind: FieldReference.Kind = if case .event = node.activity { .event } else { .action }
            var rule: RetentionRule?
            for later in laterNodes(after: node.id, in: drafts) {
                for reference in drafts[later]?.references ?? [] where reference.kind == kind && reference.source == name {
                    let needed = RetentionRule(path: reference.path)
                    rule = rule?.merged(with: needed) ?? needed
                }
            }
            if node.id == entryNodeID, hasJump { rule = .all }
            retentions[node.id] = rule
        }
        return drafts.mapValues { RunnableNode($0, retention: retentions[$0.node.id]) }
    }

    /// The nodes whose expressions run in a later input than the one that reaches `nodeID`:
    /// those after a node that suspends (waits, actions, fetches), and fetching nodes themselves.
    static func laterNodes(after nodeID: String, in nodes: [String: NodeDraft]) -> Set<String> {
        var later: Set<String> = []
        for candidate in descendants(of: nodeID, in: nodes) {
            guard let node = nodes[candidate], node.suspends else { continue }
            if node.needsFetch { later.insert(candidate) }
            later.formUnion(descendants(of: candidate, in: nodes))
        }
        return later
    }

    /// The nodes reachable from `nodeID` through transitions, itself excluded.
    static func descendants(of nodeID: String, in nodes: [String: NodeDraft]) -> Set<String> {
        var seen: Set<String> = []
        var stack = nodes[nodeID]?.node.transitions.map(\.target) ?? []
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            stack += nodes[next]?.node.transitions.map(\.target) ?? []
        }
        return seen
    }

    private static func compile(
        _ node: JourneyNode, schema: ConfigurationSchema, configuration: Configuration
    ) throws(RuntimeError) -> NodeDraft {
        var runnable = NodeDraft(node: node)
        if case .action(let activity) = node.activity { runnable.action = activity.action.flatMap(configuration.action(named:)) }
        for expression in JourneyExpression.expressions(of: node, in: configuration) {
            let compiled: CompiledExpression
            do {
                compiled = try Expression.compile(expression.source, schema: schema, expecting: expression.role.expectedType)
            } catch {
                throw RuntimeError(
                    .expressionInvalid, "Node '\(node.id)', \(expression.field): \(error.message) (in \(expression.source))")
            }
            runnable.references += compiled.references
            let field = expression.field
            switch expression.role {
            case .condition: runnable.conditions.append(compiled)
            case .waitUntil: runnable.waitUntil = compiled
            case .parameter: runnable.parameters.append(NamedExpression(name: String(field.dropFirst("parameters.".count)), expression: compiled))
            case .httpParameter where field.hasPrefix("headers."):
                runnable.headers.append(NamedExpression(name: String(field.dropFirst("headers.".count)), expression: compiled))
            case .httpParameter: runnable.query.append(NamedExpression(name: String(field.dropFirst("query.".count)), expression: compiled))
            case .dynamicPath: runnable.dynamicPath = compiled
            case .profileValue: runnable.profileValue = compiled
            }
        }
        runnable.references = allReferences(runnable.references)
        var fetched: Set<String> = []
        for reference in runnable.references where reference.kind == .dataSource {
            guard case .rest? = configuration.dataSource(named: reference.source)?.provider, let group = reference.fieldGroup
            else { continue }
            let template = FetchTemplate(dataSource: reference.source, fieldGroup: group, parameters: reference.parameters)
            if fetched.insert(template.key).inserted { runnable.fetches.append(template) }
        }
        return runnable
    }

    /// The references and those of their data source parameters' expressions.
    private static func allReferences(_ references: [FieldReference]) -> [FieldReference] {
        references + references.flatMap { reference in allReferences(reference.parameters.flatMap(\.value.references)) }
    }
}
