/// What a compiled expression reads while it is evaluated: fields, properties, clock, audiences.
///
/// Every lookup returns `.null` for a missing field. Contexts are classes (`AnyObject`): an
/// evaluation holds one reference to its context and calls it without boxing or copying.
public protocol EvaluationContext: AnyObject, FunctionEnvironment {
    /// The value of an event payload field (`reference.kind == .event`).
    func eventField(_ reference: FieldReference) throws(ExpressionError) -> Value

    /// The value of a data source field, fetched with these evaluated parameters.
    func dataSourceField(_ reference: FieldReference, parameters: [String: Value]) throws(ExpressionError) -> Value

    /// The value of a custom action response field, or its status for `jo_status_code`.
    func actionField(_ reference: FieldReference) throws(ExpressionError) -> Value

    /// The value of a journey property of the running instance.
    func journeyProperty(_ property: JourneyProperty) throws(ExpressionError) -> Value
}
