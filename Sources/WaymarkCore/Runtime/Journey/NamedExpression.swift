/// A compiled expression that fills a named place (an action variable, a header, a parameter).
struct NamedExpression: Sendable {
    /// The place: a dotted payload path, a header or a query parameter name.
    let name: String
    let expression: CompiledExpression
}
