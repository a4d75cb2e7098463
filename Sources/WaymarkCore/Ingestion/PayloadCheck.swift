/// An event payload typed by an event config's schema, with the problems found on the way.
///
/// `value` is the payload as the expression language reads it: schema fields get their declared
/// type (`dateTime` strings become date-times, integers in a decimal field become decimals, …),
/// the standard fields their standard type (`timestamp` a date-time), other fields their JSON
/// type. A field that does not fit its type keeps its JSON value and adds a problem, so a
/// rule-based condition can still be evaluated on a bad event; the event is then refused.
public struct PayloadCheck: Hashable, Sendable {
    /// The typed payload, an object.
    public var value: Value
    /// What does not fit the schema, in payload order, then missing required fields.
    public var problems: [IngestionError]

    /// Creates a result.
    public init(value: Value, problems: [IngestionError] = []) {
        self.value = value
        self.problems = problems
    }

    /// Whether the payload fits the schema.
    public var isValid: Bool { problems.isEmpty }
}
