/// A field group of an external data source a node reads, with its parameter expressions.
struct FetchTemplate: Sendable {
    let dataSource: String
    let fieldGroup: String
    let parameters: [ReferenceParameter]

    /// `DataSource.FieldGroup`.
    var key: String { "\(dataSource).\(fieldGroup)" }
}
