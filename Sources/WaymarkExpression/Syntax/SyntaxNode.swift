/// A node of the syntax tree of an expression, with where it starts in the source.
package struct SyntaxNode: Sendable {
    /// What the node is.
    package indirect enum Kind: Sendable {
        /// A string, integer, decimal or boolean literal.
        case literal(Value)
        /// `[a, b, c]`.
        case list([SyntaxNode])
        /// `@{…}`, `@event{…}`, `#{…}`, `@action{…}`.
        case reference(ReferenceSyntax)
        /// `@journey{name}`.
        case journeyProperty(String)
        /// `currentEventField`, `currentDataPackField` or `currentActionField` inside a condition.
        case currentElement(CurrentElementName)
        /// `not x`, `-x`.
        case unary(UnaryOperator, SyntaxNode)
        /// `a op b`; `operatorPosition` points at the operator.
        case binary(BinaryOperator, SyntaxNode, SyntaxNode, operatorPosition: SourcePosition)
        /// `x is null`, `x has null`, `x is numeric`, …; `testPosition` points at `is` / `has`.
        case test(ValueTest, SyntaxNode, testPosition: SourcePosition)
        /// `if (c) then (a) else (b)`.
        case conditional(SyntaxNode, then: SyntaxNode, else: SyntaxNode)
        /// `name(arguments)`.
        case call(String, [SyntaxNode])
        /// `receiver.name(arguments)`; `namePosition` points at the method name.
        case method(SyntaxNode, String, [SyntaxNode], namePosition: SourcePosition)
        /// `receiver.name` after a method call or on the current element.
        case member(SyntaxNode, String, namePosition: SourcePosition)
    }

    package var kind: Kind
    package var position: SourcePosition
    /// The height of the tree below this node (a leaf is 1); bounded by `ExpressionLimits.maximumDepth`.
    package var height: Int

    package init(_ kind: Kind, at position: SourcePosition, height: Int = 1) {
        self.kind = kind
        self.position = position
        self.height = height
    }
}
