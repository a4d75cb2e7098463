import WaymarkCore

/// Finds the rule that applies to a call: the most specific of the rules whose method filter
/// and URL pattern match (see `EndpointRule`).
struct RuleMatcher: Sendable {
    /// A rule's index with its compiled pattern and methods.
    private struct Candidate: Sendable {
        var index: Int
        var pattern: URLPattern
        /// The methods the rule applies to, as `HTTPMethod.bit`s.
        var methods: UInt8
    }

    /// The rules, most specific first.
    private let candidates: [Candidate]

    init(_ rules: [EndpointRule]) {
        let compiled = rules.enumerated().map { index, rule in
            Candidate(
                index: index, pattern: URLPattern(rule.urlPattern),
                methods: rule.methods.isEmpty ? .max : rule.methods.reduce(0) { $0 | $1.bit })
        }
        candidates = compiled.sorted { left, right in
            if left.pattern.literalLength != right.pattern.literalLength {
                return left.pattern.literalLength > right.pattern.literalLength
            }
            if (left.methods == .max) != (right.methods == .max) { return left.methods != .max }
            return left.index < right.index
        }
    }

    /// The index of the rule that applies to a call, or `nil` when none does.
    func rule(for method: HTTPMethod, url: String) -> Int? {
        guard !candidates.isEmpty else { return nil }
        var url = url
        return url.withUTF8 { bytes in
            for candidate in candidates where candidate.methods & method.bit != 0 {
                if candidate.pattern.matches(bytes) { return candidate.index }
            }
            return nil
        }
    }
}

extension HTTPMethod {
    /// The method's bit in a set of methods.
    fileprivate var bit: UInt8 {
        switch self {
        case .get: 1
        case .post: 2
        case .put: 4
        case .delete: 8
        }
    }
}
