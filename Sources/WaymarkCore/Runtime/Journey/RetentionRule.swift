/// Which parts of a received event or action response an instance keeps for later expressions:
/// a tree of the paths read, built once per journey version.
struct RetentionRule: Hashable, Sendable {
    /// Keep everything below this point.
    private var keepsAll = false
    /// Keep these members, each with its own rule (few: looked up without hashing).
    private var children = OrderedFields<RetentionRule>()

    /// Keeps the whole document.
    static let all = RetentionRule(keepsAll: true)

    /// Keeps `path` and everything below it (the whole document for an empty path).
    init(path: some Collection<String>) {
        guard let first = path.first else {
            keepsAll = true
            return
        }
        children[first] = RetentionRule(path: path.dropFirst())
    }

    private init(keepsAll: Bool) { self.keepsAll = keepsAll }

    /// The union of what two rules keep.
    func merged(with other: RetentionRule) -> RetentionRule {
        if keepsAll || other.keepsAll { return .all }
        var result = self
        for (key, rule) in zip(other.children.keys, other.children.values) {
            result.children[key] = result.children[key]?.merged(with: rule) ?? rule
        }
        return result
    }

    /// The part of `document` this rule keeps, its members in the document's order.
    func apply(to document: JSONValue) -> JSONValue {
        if keepsAll { return document }
        guard case .object(let fields) = document else { return .null }
        var kept = OrderedFields<JSONValue>(minimumCapacity: min(children.count, fields.count))
        for (key, value) in zip(fields.keys, fields.values) {
            if let rule = children[key] { kept[key] = rule.apply(to: value) }
        }
        return .object(kept)
    }
}
