/// A type-checked sub-expression: its static type and its compiled form.
struct CheckedNode {
    /// The static type.
    var type: ValueType
    /// Evaluates the sub-expression.
    var thunk: Thunk
    /// The value, when it is known at compile time (literals and folded operators).
    var constant: Value?
    /// The kind of field reference the value comes from, which names the current element of
    /// collection conditions (`currentEventField`, …); `nil` when it comes from elsewhere.
    var origin: FieldReference.Kind?

    /// A sub-expression known at compile time.
    static func constant(_ value: Value, type: ValueType) -> CheckedNode {
        CheckedNode(type: type, thunk: { _ throws(ExpressionError) in value }, constant: value, origin: nil)
    }

    /// A computed sub-expression.
    init(type: ValueType, thunk: @escaping Thunk, constant: Value? = nil, origin: FieldReference.Kind? = nil) {
        self.type = type
        self.thunk = thunk
        self.constant = constant
        self.origin = origin
    }

    /// This node, converting integers to decimals at run time when `target` is `decimal`.
    func widened(to target: ValueType) -> CheckedNode {
        guard type == .integer, target == .decimal else { return self }
        if case .integer(let integer) = constant { return .constant(.decimal(Double(integer)), type: .decimal) }
        let inner = thunk
        return CheckedNode(type: .decimal, thunk: { frame throws(ExpressionError) in
            let value = try inner(&frame)
            if case .integer(let integer) = value { return .decimal(Double(integer)) }
            return value
        }, origin: origin)
    }
}
