extension ConfigValidator {
    /// The issues of one document of a configuration: the rules of its kind and, for an event,
    /// its expressions; for a journey, every journey pass and, when an earlier version of it is
    /// in the configuration, the rules on what a new version may change.
    public static func issues(of document: ConfigDocument, in configuration: Configuration) -> [ValidationIssue] {
        switch document {
        case .event(let event):
            return issues(of: event) + expressionIssues(of: event, in: configuration)
        case .dataSource(let dataSource):
            return issues(of: dataSource)
        case .action(let action):
            return issues(of: action)
        case .journey(let journey):
            var found = JourneyValidator(configuration: configuration).validate(journey)
            if let previous = configuration.versions(ofJourney: journey.id).last(where: { $0.version < journey.version }) {
                found += VersionChangeValidator.issues(newVersion: journey, previous: previous)
            }
            return found
        }
    }

    /// The issues of an event's expressions: its key and, for a rule-based event, its event ID
    /// condition, compiled against the configuration's schemas.
    public static func expressionIssues(of event: EventConfig, in configuration: Configuration) -> [ValidationIssue] {
        let schema = ConfigurationSchema(configuration: configuration)
        var issues: [ValidationIssue] = []
        if let issue = ExpressionCheckingPass.issue(
            compiling: event.effectiveKeyExpression, expecting: .type(.string), schema: schema, node: nil, field: "key")
        {
            issues.append(issue)
        }
        if case .ruleBased(let condition) = event.eventIDType,
            let issue = ExpressionCheckingPass.issue(
                compiling: condition, expecting: .boolean, schema: schema, node: nil, field: "eventIDType.condition")
        {
            issues.append(issue)
        }
        return issues
    }
}
