/// The expression schema of a configuration: the fields of its events, data source field
/// groups and custom action responses, as the expression type checker sees them.
public struct ConfigurationSchema: ExpressionSchema {
    /// The configuration whose fields are described.
    public let configuration: Configuration

    /// Creates the schema of a configuration.
    public init(configuration: Configuration) { self.configuration = configuration }

    /// The fields of every event beyond its schema: `EventConfig.standardFields` and the
    /// identity map, an object of unknown shape.
    static let standardEventFields: [(name: String, type: ValueType)] =
        EventConfig.standardFields.map { ($0.name, $0.valueType) } + [(EventConfig.identityMapField, .object(nil))]

    public func eventFieldType(event: String, path: [String]) -> FieldLookup {
        guard let config = configuration.event(named: event) else { return .unknownSource }
        var fields = config.schema.objectSchema.fields
        for standard in Self.standardEventFields where !fields.contains(where: { $0.name == standard.name }) {
            fields.append(standard)
        }
        return Self.lookup(path, in: ObjectSchema(fields: fields))
    }

    public func dataSourceFieldType(dataSource: String, fieldGroup: String, path: [String]) -> FieldLookup {
        guard let source = configuration.dataSource(named: dataSource) else { return .unknownSource }
        guard let group = source.fieldGroups.first(where: { $0.name == fieldGroup }) else { return .unknownFieldGroup }
        return Self.lookup(path, in: group.fields.objectSchema)
    }

    public func dataSourceParameterNames(dataSource: String, fieldGroup: String) -> [String]? {
        configuration.dataSource(named: dataSource)?.fieldGroups.first { $0.name == fieldGroup }?.parameters.map(\.name)
    }

    public func actionFieldType(action: String, path: [String]) -> FieldLookup {
        guard let config = configuration.action(named: action) else { return .unknownSource }
        guard case .custom(let custom) = config.definition else { return Self.lookup(path, in: ObjectSchema()) }
        return Self.lookup(path, in: custom.responseFields.objectSchema)
    }

    /// Walks `path` through nested objects; an object of unknown shape accepts any path.
    static func lookup(_ path: [String], in schema: ObjectSchema) -> FieldLookup {
        var current = ValueType.object(schema)
        for (index, segment) in path.enumerated() {
            switch current {
            case .object(let object?):
                guard let next = object.type(of: segment) else {
                    return .unknownField(segment: index, known: object.fields.map(\.name))
                }
                current = next
            case .object(nil), .any:
                return .field(.any)
            default:
                return .unknownField(segment: index, known: [])
            }
        }
        return .field(current)
    }
}
