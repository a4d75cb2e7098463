extension ValueType {
    /// "a" or "an", to put before `name`.
    var article: String {
        switch self {
        case .integer, .object, .any: "an"
        default: "a"
        }
    }

    /// The common type of two branches, list elements or a field and its default, if any.
    ///
    /// `null` fits any type, `any` absorbs everything, an integer widens to a decimal.
    static func unify(_ lhs: ValueType, _ rhs: ValueType) -> ValueType? {
        switch (lhs, rhs) {
        case _ where lhs == rhs: lhs
        case (.any, _), (_, .any): .any
        case (.null, _): rhs
        case (_, .null): lhs
        case (.integer, .decimal), (.decimal, .integer): .decimal
        case (.list(let a), .list(let b)): unify(a, b).map { .list($0) }
        case (.object, .object): .object(nil)
        default: nil
        }
    }
}
