/// "Did you mean …?" hints for misspelt names.
enum Suggestion {
    /// The closest of `candidates` to `name` (same letters in another case, or at most two edits).
    static func closest(to name: String, among candidates: [String]) -> String? {
        let lowered = name.lowercased()
        if let sameLetters = candidates.first(where: { $0.lowercased() == lowered }) { return sameLetters }
        return candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
            .filter { $0.1 <= 2 }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// " Did you mean 'x'?" or an empty string.
    static func didYouMean(_ name: String, among candidates: [String]) -> String {
        closest(to: name, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
    }
}
