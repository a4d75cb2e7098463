/// Compiles every expression of a journey against the configuration's schemas: syntax errors,
/// unknown events, fields, functions and wrong types become issues with their position.
public struct ExpressionCheckingPass: JourneyValidationPass {
    /// Creates the pass.
    public init() {}

    public func issues(in context: JourneyValidationContext) -> [ValidationIssue] {
        let schema = ConfigurationSchema(configuration: context.configuration)
        return context.expressions.compactMap { expression in
            Self.issue(compiling: expression.source, expecting: expression.role.expectedType, schema: schema,
                       node: expression.nodeId, field: expression.field)
        }
    }

    /// The issue of compiling `source`, or `nil` when it compiles.
    static func issue(
        compiling source: String, expecting expected: ExpectedType, schema: any ExpressionSchema,
        node: String?, field: String
    ) -> ValidationIssue? {
        do {
            _ = try Expression.compile(source, schema: schema, expecting: expected)
            return nil
        } catch {
            var issue = ValidationIssue.error(ValidationCode(rawValue: error.code.rawValue), node: node, field: field, error.message)
            issue.position = error.position
            return issue
        }
    }
}

extension JourneyExpression.Role {
    /// What an expression in this role must produce.
    var expectedType: ExpectedType {
        switch self {
        case .condition: .boolean
        case .waitUntil: .dateTime
        case .parameter(let type?): .type(type)
        case .parameter(nil), .httpParameter, .dynamicPath, .profileValue: .any
        }
    }
}
