/// A field reference as written: `@{Event.path, defaultValue: x}` or `#{DS.FG.path, params: {…}}`.
package struct ReferenceSyntax: Sendable {
    /// Which kind of source it reads.
    package var kind: FieldReference.Kind
    /// The event, data source or action name.
    package var source: String
    /// The field group (data sources only).
    package var fieldGroup: String?
    /// The field path below the source, pre-split into segments.
    package var path: [String]
    /// Where each of the source, field group and path segments starts.
    package var segmentPositions: [SourcePosition]
    /// The default value when the field is missing.
    package var defaultValue: SyntaxNode?
    /// Data source parameters in written order.
    package var parameters: [ParameterSyntax]
}
