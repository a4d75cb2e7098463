extension ExpressionError {
    /// This error with `position` filled in when it has none yet.
    func located(at position: SourcePosition) -> ExpressionError {
        guard self.position == nil else { return self }
        var copy = self
        copy.position = position
        return copy
    }
}
