import WaymarkCore

extension JSONValue {
    /// `other` deep-merged into this value: objects merge key by key (recursively), any other
    /// value (arrays, scalars, `null`) replaces what was there.
    package func merging(_ other: JSONValue) -> JSONValue {
        guard case .object(var fields) = self, case .object(let incoming) = other else { return other }
        for (key, value) in incoming.pairs {
            fields[key] = fields[key].map { $0.merging(value) } ?? value
        }
        return .object(fields)
    }

    /// This value with `value` set at a dotted `path` (e.g. `loyalty.tier`), creating objects on
    /// the way; a non-object met on the path is replaced by an object.
    package func setting(_ value: JSONValue, atPath path: String) -> JSONValue {
        setting(value, at: path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)[...])
    }

    private func setting(_ value: JSONValue, at components: ArraySlice<String>) -> JSONValue {
        guard let first = components.first else { return value }
        var fields: OrderedFields<JSONValue>
        if case .object(let existing) = self { fields = existing } else { fields = OrderedFields() }
        let child = fields[first] ?? .object(OrderedFields())
        fields[first] = child.setting(value, at: components.dropFirst())
        return .object(fields)
    }
}
