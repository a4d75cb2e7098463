/// Checks the expressions of an event config: its key and, for a rule-based event, its event
/// ID condition, against the event's own payload schema.
public enum EventConfigValidator {
    /// The issues of `event`'s expressions; `configuration` supplies the schemas they may read.
    public static func issues(of event: EventConfig, in configuration: Configuration) -> [ValidationIssue] {
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
