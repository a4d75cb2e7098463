extension ValueType {
    /// Whether a value of this static type may stand where `target` is expected.
    ///
    /// An `integer` may stand for a `decimal`; lists are checked element by element; an object
    /// fits an object type when every field they share fits (extra fields are ignored, missing
    /// ones read as null); `any`, `null` and objects of unknown shape are checked at run time.
    func isAssignable(to target: ValueType) -> Bool {
        switch (self, target) {
        case _ where self == target: true
        case (.any, _), (.null, _), (_, .any): true
        case (.integer, .decimal): true
        case (.list(let element), .list(let targetElement)): element.isAssignable(to: targetElement)
        case (.object(nil), .object), (.object, .object(nil)): true
        case (.object(let schema?), .object(let targetSchema?)):
            targetSchema.fields.allSatisfy { field in
                schema.type(of: field.name).map { $0.isAssignable(to: field.type) } ?? true
            }
        default: false
        }
    }
}
