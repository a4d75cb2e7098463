/// An expression written in a journey node, with what it must produce.
public struct JourneyExpression: Hashable, Sendable {
    /// The node the expression is in.
    public var nodeId: String
    /// The setting, as a path inside the node (e.g. `condition.paths[0].expression`, `parameters.customer.email`).
    public var field: String
    /// The expression source.
    public var source: String
    /// What the expression is used for.
    public var role: Role

    /// What an expression is used for, which fixes the type it must have.
    public enum Role: Hashable, Sendable {
        /// A condition path: boolean.
        case condition
        /// A custom wait: dateTime or dateTimeOnly.
        case waitUntil
        /// An action payload or template variable of this type (`nil` when the action or variable is unknown).
        case parameter(ValueType?)
        /// A header or query parameter: rendered as a string.
        case httpParameter
        /// A dynamic URL path: string.
        case dynamicPath
        /// The new value of a profile field.
        case profileValue
    }

    /// The expressions of one node, in setting order (mappings sorted by name).
    ///
    /// The configuration gives the types of action variables.
    public static func expressions(of node: JourneyNode, in configuration: Configuration) -> [JourneyExpression] {
        func make(_ field: String, _ source: String, _ role: Role) -> JourneyExpression {
            JourneyExpression(nodeId: node.id, field: field, source: source, role: role)
        }
        switch node.activity {
        case .condition(.dataSource(let paths)?):
            return paths.enumerated().map { make("condition.paths[\($0.offset)].expression", $0.element.expression, .condition) }
        case .wait(.custom(let expression)?):
            return [make("wait.expression", expression, .waitUntil)]
        case .action(let action):
            let variables = action.action.flatMap(configuration.action(named:))?.variableFields ?? []
            var result = action.parameters.sorted { $0.key < $1.key }.map { mapping in
                make("parameters.\(mapping.key)", mapping.value, .parameter(variables.first { $0.path == mapping.key }?.valueType))
            }
            result += action.headers.sorted { $0.key < $1.key }.map { make("headers.\($0.key)", $0.value, .httpParameter) }
            result += action.query.sorted { $0.key < $1.key }.map { make("query.\($0.key)", $0.value, .httpParameter) }
            if let path = action.dynamicPath { result.append(make("dynamicPath", path, .dynamicPath)) }
            return result
        case .updateProfile(let update):
            return update.value.map { [make("value", $0, .profileValue)] } ?? []
        default:
            return []
        }
    }
}
