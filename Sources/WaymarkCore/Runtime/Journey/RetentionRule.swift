/// Which parts of a received event or action response an instance keeps for later expressions.
enum RetentionRule: Hashable, Sendable {
    /// Keep the whole document.
    case all
    /// Keep only these paths (and what is below them).
    case paths(Set<[String]>)

    /// Combines two rules: the union of what they keep.
    func merged(with other: RetentionRule) -> RetentionRule {
        switch (self, other) {
        case (.all, _), (_, .all): .all
        case (.paths(let lhs), .paths(let rhs)): .paths(lhs.union(rhs))
        }
    }

    /// The part of `document` this rule keeps.
    func apply(to document: JSONValue) -> JSONValue {
        switch self {
        case .all: document
        case .paths(let paths): Self.prune(document, paths: Array(paths))
        }
    }

    private static func prune(_ document: JSONValue, paths: [[String]]) -> JSONValue {
        if paths.contains(where: \.isEmpty) { return document }
        guard case .object(let fields) = document else { return .null }
        var kept = OrderedFields<JSONValue>()
        for (key, value) in fields.pairs {
            let below = paths.filter { $0.first == key }.map { Array($0.dropFirst()) }
            if !below.isEmpty { kept[key] = prune(value, paths: below) }
        }
        return .object(kept)
    }
}
