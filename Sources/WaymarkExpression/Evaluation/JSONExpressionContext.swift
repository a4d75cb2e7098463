import Foundation

/// A schema and an evaluation context read from one JSON document, for the CLI and tests.
///
/// The document is
/// `{"events": {"<Event>": {…payload…}}, "dataSources": {"<DataSource>": {"<FieldGroup>": {…}}},
/// "actions": {"<Action>": {…response…}}, "audiences": ["<name>", …], "journey": {…properties…}}`;
/// every section is optional. Field types are inferred from the example values (`null` types as
/// `any`); names the document lacks are unknown to the checker. An action's `jo_status_code` is
/// read from its response object, `http_200` when absent. `now` is fixed; `random()` and `uuid()`
/// are truly random.
public final class JSONExpressionContext: ExpressionSchema, EvaluationContext, Sendable {
    /// The instant `now()` returns.
    public let now: ZonedDateTime
    private let eventDocuments: [String: JSONValue]
    private let fields: FieldValueIndex
    private let dataSourceDocuments: [String: [String: JSONValue]]
    private let actionDocuments: [String: JSONValue]
    private let audiences: Set<String>
    private let journey: [String: Value]

    private static let sections: Set<String> = ["events", "dataSources", "actions", "audiences", "journey"]

    /// Reads a context document.
    /// - Throws: `ExpressionError` `ERR_EXPR_CONTEXT` when the document does not have this shape.
    public init(document: JSONValue, now: ZonedDateTime) throws(ExpressionError) {
        self.now = now
        let root = try Self.object(document, "The context document")
        if let unknown = root.keys.first(where: { !Self.sections.contains($0) }) {
            throw ExpressionError(
                .context,
                "The context document has an unknown section '\(unknown)'; sections are "
                    + Self.sections.sorted().joined(separator: ", ") + ".")
        }
        eventDocuments = try Self.members(root["events"], "\"events\"")
        var groups: [String: [String: JSONValue]] = [:]
        for (name, document) in try Self.members(root["dataSources"], "\"dataSources\"") {
            groups[name] = try Self.members(document, "The data source \"\(name)\"")
        }
        dataSourceDocuments = groups
        actionDocuments = try Self.members(root["actions"], "\"actions\"")
        var index = FieldValueIndex()
        for (name, payload) in eventDocuments { index.insertTree(Value(json: payload), kind: .event, source: name) }
        for (name, fieldGroups) in groups {
            for (group, payload) in fieldGroups {
                index.insertTree(Value(json: payload), kind: .dataSource, source: name, fieldGroup: group)
            }
        }
        for (name, response) in actionDocuments {
            index.insertTree(Value(json: response), kind: .action, source: name)
            if response.fieldLookup(at: ["jo_status_code"]) != .field(.string) {
                index.insert(.string("http_200"), kind: .action, source: name, path: ["jo_status_code"])
            }
        }
        fields = index
        journey = try Self.members(root["journey"], "\"journey\"").mapValues(Value.init(json:))
        switch root["audiences"] ?? .array([]) {
        case .array(let names):
            var audiences: Set<String> = []
            for name in names {
                guard case .string(let text) = name else {
                    throw ExpressionError(.context, "\"audiences\" must be a list of audience names (strings).")
                }
                audiences.insert(text)
            }
            self.audiences = audiences
        default:
            throw ExpressionError(.context, "\"audiences\" must be a list of audience names (strings).")
        }
    }

    /// Parses and reads a context document from JSON text.
    /// - Throws: `ExpressionError` `ERR_EXPR_CONTEXT` when the text is not JSON or not of this shape.
    public convenience init(json text: String, now: ZonedDateTime) throws(ExpressionError) {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: text)
        } catch {
            throw ExpressionError(.context, "The context document is not valid JSON: \(error)")
        }
        try self.init(document: document, now: now)
    }

    // MARK: - ExpressionSchema

    /// The type inferred from the event's example payload.
    public func eventFieldType(event: String, path: [String]) -> FieldLookup {
        eventDocuments[event]?.fieldLookup(at: path) ?? .unknownSource
    }

    /// The type inferred from the field group's example.
    public func dataSourceFieldType(dataSource: String, fieldGroup: String, path: [String]) -> FieldLookup {
        guard let groups = dataSourceDocuments[dataSource] else { return .unknownSource }
        return groups[fieldGroup]?.fieldLookup(at: path) ?? .unknownFieldGroup
    }

    /// The type inferred from the action's example response.
    public func actionFieldType(action: String, path: [String]) -> FieldLookup {
        actionDocuments[action]?.fieldLookup(at: path) ?? .unknownSource
    }

    // MARK: - EvaluationContext

    /// The event payload value, `.null` when absent.
    public func eventField(_ reference: FieldReference) -> Value {
        fields.value(of: reference)
    }

    /// The field group value (parameters are not used: the document is the answer), `.null` when absent.
    public func dataSourceField(_ reference: FieldReference, parameters: [String: Value]) -> Value {
        fields.value(of: reference)
    }

    /// The action response value or status, `.null` when absent.
    public func actionField(_ reference: FieldReference) -> Value {
        fields.value(of: reference)
    }

    /// The `journey` section's value of the property, `.null` when absent.
    public func journeyProperty(_ property: JourneyProperty) -> Value {
        journey[property.rawValue] ?? .null
    }

    /// A random number in [0, 1).
    public func randomUnit() -> Double { Double.random(in: 0..<1) }

    /// A random lowercase UUID.
    public func makeUUID() -> String { UUID().uuidString.lowercased() }

    /// Whether `name` is listed in `audiences`.
    public func isInAudience(_ name: String) -> Bool { audiences.contains(name) }

    // MARK: - Reading the document

    private static func object(_ json: JSONValue, _ what: String) throws(ExpressionError) -> OrderedFields<JSONValue> {
        guard case .object(let fields) = json else { throw ExpressionError(.context, "\(what) must be a JSON object.") }
        return fields
    }

    private static func members(_ json: JSONValue?, _ what: String) throws(ExpressionError) -> [String: JSONValue] {
        guard let json else { return [:] }
        let fields = try object(json, what)
        return Dictionary(uniqueKeysWithValues: fields.pairs.map { ($0.key, $0.value) })
    }
}
