/// One `name: <expr>` entry of a reference's `params: {…}`.
package struct ParameterSyntax: Sendable {
    package var name: String
    package var position: SourcePosition
    package var value: SyntaxNode
    /// The source text of the value, trimmed.
    package var source: String
}
