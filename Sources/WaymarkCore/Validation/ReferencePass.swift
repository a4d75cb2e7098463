/// Rules on what nodes refer to: events, actions and their parameters, journeys, data sources, profile fields.
public struct ReferencePass: JourneyValidationPass {
    /// Creates the pass.
    public init() {}

    public func issues(in context: JourneyValidationContext) -> [ValidationIssue] {
        context.journey.nodes.flatMap { node in
            nodeReferences(node, context)
        }
    }

    private func nodeReferences(_ node: JourneyNode, _ context: JourneyValidationContext) -> [ValidationIssue] {
        let configuration = context.configuration
        let namespace = context.journey.namespace
        switch node.activity {
        case .event(let activity):
            guard let name = activity.event, !name.isEmpty else { return [] }
            guard let event = configuration.event(named: name) else {
                return [.error(.unknownEvent, node: node.id, field: "event", "The event \"\(name)\" does not exist.")]
            }
            if event.namespace != namespace {
                return [.error(
                    .namespaceMismatch, node: node.id, field: "event",
                    "The event \"\(name)\" identifies people by \(event.namespace), the journey by \(namespace).")]
            }
            return []
        case .action(let activity):
            guard let name = activity.action, !name.isEmpty else { return [] }
            guard let action = configuration.action(named: name) else {
                return [.error(.unknownAction, node: node.id, field: "action", "The action \"\(name)\" does not exist.")]
            }
            return parameterIssues(activity, action, node)
        case .reaction(let reaction):
            guard let target = reaction.actionNode, !target.isEmpty else { return [] }
            guard case .action(let activity)? = context.nodesByID[target]?.activity,
                let action = activity.action.flatMap(configuration.action(named:)),
                case .message = action.definition, context.isUpstream(target, of: node.id)
            else {
                return [.error(
                    .unknownReactionTarget, node: node.id, field: "actionNode",
                    "A reaction must follow a message sent earlier in the journey; \"\(target)\" is not one.")]
            }
            return []
        case .jump(let jump):
            guard let id = jump.journey, !id.isEmpty, id != context.journey.id else { return [] }
            guard let target = configuration.journey(id: id) else {
                return [.error(.unknownJourney, node: node.id, field: "journey", "The journey \"\(id)\" does not exist.")]
            }
            if target.namespace != namespace {
                return [.error(
                    .namespaceMismatch, node: node.id, field: "journey",
                    "The journey \"\(target.name)\" identifies people by \(target.namespace), this one by \(namespace).")]
            }
            return []
        case .updateProfile(let update):
            guard let field = update.field, !field.isEmpty,
                let profile = configuration.dataSource(named: DataSourceConfig.experiencePlatformName)?
                    .fieldGroup(named: DataSourceConfig.profileFieldGroupName)
            else { return [] }
            if profile.fields.field(at: field) == nil {
                return [.error(.unknownProfileField, node: node.id, field: "field", "The profile has no field \"\(field)\".")]
            }
            return []
        default:
            return []
        }
    }

    private func parameterIssues(_ activity: ActionActivity, _ action: ActionConfig, _ node: JourneyNode) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func check(_ mappings: [String: String], against variables: [ActionParameter.Variable], field: String) {
            for variable in variables where variable.required && (mappings[variable.path]?.allSatisfy(\.isWhitespace) ?? true) {
                issues.append(.error(
                    .missingParameter, node: node.id, field: "\(field).\(variable.path)",
                    "Map the required field \"\(variable.path)\" of the action \"\(action.name)\"."))
            }
            for path in mappings.keys.sorted() where !variables.contains(where: { $0.path == path }) {
                issues.append(.error(
                    .unknownParameter, node: node.id, field: "\(field).\(path)",
                    "The action \"\(action.name)\" has no variable field \"\(path)\"."))
            }
        }
        check(activity.parameters, against: action.variableFields, field: "parameters")
        let custom: CustomAction? = if case .custom(let custom) = action.definition { custom } else { nil }
        check(activity.headers, against: ActionParameter.variables(in: custom?.headers ?? []), field: "headers")
        check(activity.query, against: ActionParameter.variables(in: custom?.queryParameters ?? []), field: "query")
        if activity.dynamicPath != nil, custom?.dynamicPath != true {
            issues.append(.error(
                .dynamicPathNotAllowed, node: node.id, field: "dynamicPath",
                "The action \"\(action.name)\" does not accept a dynamic path."))
        }
        return issues
    }
}
