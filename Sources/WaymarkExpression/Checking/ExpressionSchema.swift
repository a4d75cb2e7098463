/// What the type checker may ask about the fields an expression reads.
///
/// The engine answers from its event, data source and action configurations; the CLI answers
/// from an example document (`JSONExpressionContext`). Each lookup tells an unknown source from
/// an unknown field, so that errors point at the right name.
public protocol ExpressionSchema: Sendable {
    /// The type of `path` in the payload of the event named `event`.
    func eventFieldType(event: String, path: [String]) -> FieldLookup

    /// The type of `path` in field group `fieldGroup` of the data source `dataSource`.
    func dataSourceFieldType(dataSource: String, fieldGroup: String, path: [String]) -> FieldLookup

    /// The declared parameter names of a data source field group, or `nil` to accept any name.
    func dataSourceParameterNames(dataSource: String, fieldGroup: String) -> [String]?

    /// The type of `path` in the response of the custom action `action`.
    ///
    /// The checker types `jo_status_code` itself (a string) once the action is known; a schema
    /// need not list it.
    func actionFieldType(action: String, path: [String]) -> FieldLookup

    /// The type of a journey property.
    func journeyPropertyType(_ property: JourneyProperty) -> ValueType
}

extension ExpressionSchema {
    /// Accepts any parameter name.
    public func dataSourceParameterNames(dataSource: String, fieldGroup: String) -> [String]? { nil }

    /// The standard property types (`JourneyProperty.valueType`).
    public func journeyPropertyType(_ property: JourneyProperty) -> ValueType { property.valueType }
}
