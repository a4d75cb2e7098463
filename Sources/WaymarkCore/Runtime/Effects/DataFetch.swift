/// One field group of an external data source to fetch, with its evaluated parameters.
public struct DataFetch: Hashable, Sendable {
    /// The data source's name.
    public var dataSource: String
    /// The field group's name.
    public var fieldGroup: String
    /// The dynamic parameters, evaluated when the request was made.
    public var parameters: [String: JSONValue]

    /// Creates a fetch.
    public init(dataSource: String, fieldGroup: String, parameters: [String: JSONValue] = [:]) {
        self.dataSource = dataSource
        self.fieldGroup = fieldGroup
        self.parameters = parameters
    }

    /// `DataSource.FieldGroup`: the key of this group's response in a fetch result.
    public var key: String { "\(dataSource).\(fieldGroup)" }
}
