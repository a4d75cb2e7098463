extension EndpointRules {
    /// A problem with one field of one rule.
    struct Problem {
        /// The rule's index.
        var rule: Int
        /// The field's path inside the rule, e.g. `["cap", "calls"]`.
        var field: [String]
        var message: String

        /// `[2].cap.calls`, as `ConfigDecodingError` renders paths.
        var path: String { "[\(rule)]" + field.map { "." + $0 }.joined() }

        /// The path as coding keys, for a `DecodingError`.
        var codingPath: [any CodingKey] { [PathKey(index: rule)] + field.map { PathKey(name: $0) } }
    }

    /// The first problem of `rules`, in the order written.
    static func problem(in rules: [EndpointRule]) -> Problem? {
        var names: [String: Int] = [:]
        for (index, rule) in rules.enumerated() {
            if let (field, message) = problem(of: rule) {
                return Problem(rule: index, field: field, message: message)
            }
            if let first = names.updateValue(index, forKey: rule.name) {
                return Problem(rule: index, field: ["name"], message: "\"\(rule.name)\" is already the name of rule [\(first)]")
            }
        }
        return nil
    }

    private static func problem(of rule: EndpointRule) -> (field: [String], message: String)? {
        if rule.name.isEmpty { return (["name"], "must not be empty") }
        if rule.urlPattern.isEmpty { return (["urlPattern"], "must not be empty") }
        if rule.urlPattern.contains(where: \.isWhitespace) {
            return (["urlPattern"], "must not contain spaces, found \"\(rule.urlPattern)\"")
        }
        if let (field, message) = rule.cap?.problem { return (["cap", field], message) }
        if let (field, message) = rule.throttle?.problem { return (["throttle", field], message) }
        return nil
    }
}

/// A coding key built from a path: an array index or a field name.
private struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(name: String) {
        stringValue = name
        intValue = nil
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init?(stringValue: String) { self.init(name: stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}
