/// Bounds that keep any input from exhausting the stack or the memory of the engine.
package enum ExpressionLimits {
    /// The longest accepted source, in Unicode scalars (64 Ki).
    package static let maximumLength = 65_536
    /// The deepest accepted nesting of sub-expressions.
    package static let maximumDepth = 128
}
