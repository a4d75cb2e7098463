/// What one input brings that expressions may read while it is handled, kept only when a later
/// expression needs it.
struct TransientData {
    /// The event being handled, whole.
    var event: (name: String, payload: JSONValue)?
    /// The action response being handled (with `jo_status_code`).
    var action: (name: String, response: JSONValue)?
    /// Fetched field groups by `DataSource.FieldGroup`.
    var fetched: [String: JSONValue] = [:]
    /// The node the fetched data was fetched for, and the step fields of the fetch.
    var fetchNodeID: String?
    var fetchStep = StepDetails.none
}
