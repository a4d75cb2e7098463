import Foundation
import Synchronization

/// Compiled regular expressions, shared by all evaluations and safe to use from any thread.
///
/// Patterns use ICU syntax through `NSRegularExpression`, which is close to Java's
/// (`java.util.regex`): classes, quantifiers, groups, look-around, `(?i)` flags and `$1`
/// replacement references behave the same.
final class RegexCache: Sendable {
    /// The shared cache.
    static let shared = RegexCache()

    /// The most patterns kept; the cache is emptied when it grows past this.
    private let capacity = 512
    private let compiled = Mutex<[Key: CompiledRegex]>([:])

    private struct Key: Hashable {
        var pattern: String
        var wholeString: Bool
    }

    /// The compiled form of `pattern`; with `wholeString`, anchored so that it must match the
    /// whole input (like Java's `Matcher.matches()`).
    /// - Throws: `ERR_EXPR_REGEX` when the pattern does not compile.
    func regex(_ pattern: String, wholeString: Bool = false) throws(ExpressionError) -> NSRegularExpression {
        let key = Key(pattern: pattern, wholeString: wholeString)
        if let cached = compiled.withLock({ $0[key] }) { return cached.regex }
        // ICU refuses an empty pattern, which Java accepts (it matches the empty string).
        let base = pattern.isEmpty ? "(?:)" : pattern
        // The bare pattern must compile too: `a)(b` is only valid once wrapped.
        let source = wholeString ? "\\A(?:" + base + ")\\z" : base
        guard let regex = try? NSRegularExpression(pattern: source),
              !wholeString || (try? NSRegularExpression(pattern: base)) != nil else {
            throw RuntimeFailure.regex("\"\(pattern)\" is not a valid regular expression")
        }
        compiled.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[key] = CompiledRegex(regex: regex)
        }
        return regex
    }
}

/// An immutable compiled expression (`NSRegularExpression` is documented thread-safe).
private struct CompiledRegex: @unchecked Sendable {
    let regex: NSRegularExpression
}
