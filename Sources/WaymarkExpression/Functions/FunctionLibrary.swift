/// A set of named functions with their overloads, as the type checker resolves them.
public struct FunctionLibrary: Sendable {
    private var overloadsByName: [String: [FunctionOverload]]

    /// Creates a library from overloads keyed by function name (case-sensitive).
    public init(_ overloadsByName: [String: [FunctionOverload]]) {
        self.overloadsByName = overloadsByName
    }

    /// Every function of the expression language's catalogue.
    public static let standard = FunctionLibrary(StandardFunctions.all)

    /// The standard library plus the functions allowed only in authentication payloads
    /// (`encodeBase64`).
    public static let authentication = standard.adding(StandardFunctions.authenticationOnly)

    /// The names of all functions, sorted.
    public var names: [String] { overloadsByName.keys.sorted() }

    /// The overloads of `name`, empty when there is no such function.
    public func overloads(named name: String) -> [FunctionOverload] {
        overloadsByName[name] ?? []
    }

    /// This library with more overloads added.
    public func adding(_ more: [String: [FunctionOverload]]) -> FunctionLibrary {
        FunctionLibrary(overloadsByName.merging(more) { $0 + $1 })
    }

    /// Picks the first overload of `name` that accepts arguments of these static types.
    public func resolve(_ name: String, argumentTypes: [ValueType]) -> FunctionResolution {
        guard let candidates = overloadsByName[name] else {
            return .unknownFunction(suggestion: closestName(to: name))
        }
        for overload in candidates {
            if let result = overload.resultType(argumentTypes) {
                return .resolved(overload, resultType: result)
            }
        }
        return .noMatchingOverload(candidates: candidates.map(\.signature))
    }

    /// The known name closest to `name` (case-insensitive match first, then edit distance ≤ 2).
    private func closestName(to name: String) -> String? {
        let lowered = name.lowercased()
        if let exact = overloadsByName.keys.first(where: { $0.lowercased() == lowered }) { return exact }
        let scored = overloadsByName.keys.map { ($0, editDistance(lowered, $0.lowercased())) }
        return scored.filter { $0.1 <= 2 }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }
}

/// The outcome of resolving a function call against a library.
public enum FunctionResolution: Sendable {
    case resolved(FunctionOverload, resultType: ValueType)
    case unknownFunction(suggestion: String?)
    case noMatchingOverload(candidates: [String])
}

/// Levenshtein distance between two strings, by Unicode scalars.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
