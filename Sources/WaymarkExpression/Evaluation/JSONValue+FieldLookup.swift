extension JSONValue {
    /// What a schema answers for `path` below this example document.
    ///
    /// A path that leaves the document is `unknownField` at the first missing segment, with the
    /// names available there; an example `null` types as `any`.
    package func fieldLookup(at path: [String]) -> FieldLookup {
        var current = self
        for (index, segment) in path.enumerated() {
            guard case .object(let fields) = current else { return .unknownField(segment: index, known: []) }
            guard let next = fields[segment] else { return .unknownField(segment: index, known: fields.keys) }
            current = next
        }
        let type = ValueType.inferred(from: current)
        return .field(type == .null ? .any : type)
    }
}
