import Foundation

/// String functions.
///
/// Positions and lengths count Unicode code points (as Java does for text without characters
/// outside the Basic Multilingual Plane); matching compares code points, not Swift's canonical
/// equivalence. A null argument gives null, except for `isEmpty` (true) and `isNotEmpty` (false).
extension StandardFunctions {
    static var stringFunctions: [Entry] {
        [
            predicate("contain") { TextSearch.firstOffset(of: $1, in: $0) != nil },
            predicate("containIgnoreCase") {
                TextSearch.ignoringCase($0, $1) { TextSearch.firstOffset(of: $1, in: $0, foldingASCII: $2) != nil }
            },
            predicate("startWith") { TextSearch.hasPrefix($0, $1) },
            predicate("startWithIgnoreCase") { TextSearch.ignoringCase($0, $1, TextSearch.hasPrefix) },
            predicate("endWith") { TextSearch.hasSuffix($0, $1) },
            predicate("endWithIgnoreCase") { TextSearch.ignoringCase($0, $1, TextSearch.hasSuffix) },
            predicate("equalIgnoreCase") { TextSearch.equalIgnoringCase($0, $1) },
            predicate("notEqualIgnoreCase") { !TextSearch.equalIgnoringCase($0, $1) },
            predicate("matchRegExp") { text, pattern throws(ExpressionError) in
                let regex = try RegexCache.shared.regex(pattern, wholeString: true)
                return regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
            },
            overload("indexOf", [.string, .string], returns: .integer) { args, _ throws(ExpressionError) in
                let text = try args.string(0)
                return .integer(Int64(TextSearch.firstOffset(of: try args.string(1), in: text)
                    .map { TextSearch.codePointCount(text, upTo: $0) } ?? -1))
            },
            overload("lastIndexOf", [.string, .string], returns: .integer) { args, _ throws(ExpressionError) in
                let text = try args.string(0)
                return .integer(Int64(TextSearch.lastOffset(of: try args.string(1), in: text)
                    .map { TextSearch.codePointCount(text, upTo: $0) } ?? -1))
            },
            overload("isEmpty", [FunctionParameter(.string, .list(.any))], returns: .boolean, nulls: .handled) { args, _ in
                .boolean(isEmptyValue(args.argument(0)))
            },
            overload("isNotEmpty", [FunctionParameter(.string, .list(.any))], returns: .boolean, nulls: .handled) { args, _ in
                .boolean(!isEmptyValue(args.argument(0)))
            },
            overload("length", [.string], returns: .integer) { args, _ throws(ExpressionError) in
                .integer(Int64(TextSearch.codePointCount(try args.string(0))))
            },
            transform("lower") { $0.lowercased() },
            transform("upper") { $0.uppercased() },
            transform("trim") { TextSearch.trimmed($0) },
            overload("concat", [.string, .string], returns: .string) { args, _ throws(ExpressionError) in
                .string(try args.string(0) + args.string(1))
            },
            overload("concat", [.list(.string)], returns: .string) { args, _ throws(ExpressionError) in
                var result = ""
                for element in try args.list(0) where element != .null { result += element.rendered }
                return .string(result)
            },
            overload("replace", [.string, .string, .string], returns: .string) { args, _ throws(ExpressionError) in
                .string(try replacing(try args.string(0), try args.string(1), try args.string(2), all: false))
            },
            overload("replaceAll", [.string, .string, .string], returns: .string) { args, _ throws(ExpressionError) in
                .string(try replacing(try args.string(0), try args.string(1), try args.string(2), all: true))
            },
            overload("split", [.string, .string], returns: .list(.string)) { args, _ throws(ExpressionError) in
                .list(try split(try args.string(0), separator: try args.string(1)).map(Value.string))
            },
            overload("substr", [.string, .integer], returns: .string) { args, _ throws(ExpressionError) in
                .string(TextSearch.substring(try args.string(0), from: try args.integer(1), to: nil))
            },
            overload("substr", [.string, .integer, .integer], returns: .string) { args, _ throws(ExpressionError) in
                .string(TextSearch.substring(try args.string(0), from: try args.integer(1), to: try args.integer(2)))
            },
            overload("uuid", [ValueType](), returns: .string) { _, environment in .string(environment.makeUUID()) },
        ]
    }

    static var authenticationFunctions: [Entry] {
        [
            transform("encodeBase64") { Data($0.utf8).base64EncodedString() },
        ]
    }

    /// `name(string, string) → boolean`.
    private static func predicate(
        _ name: String, _ test: @escaping @Sendable (String, String) throws(ExpressionError) -> Bool
    ) -> Entry {
        overload(name, [.string, .string], returns: .boolean) { args, _ throws(ExpressionError) in
            .boolean(try test(try args.string(0), try args.string(1)))
        }
    }

    /// `name(string) → string`.
    private static func transform(_ name: String, _ change: @escaping @Sendable (String) -> String) -> Entry {
        overload(name, [.string], returns: .string) { args, _ throws(ExpressionError) in .string(change(try args.string(0))) }
    }

    private static func isEmptyValue(_ value: Value) -> Bool {
        switch value {
        case .null: true
        case .string(let string): string.isEmpty
        case .list(let list): list.isEmpty
        default: false
        }
    }

    /// Replaces the first or every match; `$1` in the replacement names a group, `\$` is a dollar.
    private static func replacing(_ text: String, _ pattern: String, _ replacement: String, all: Bool) throws(ExpressionError) -> String {
        let regex = try RegexCache.shared.regex(pattern)
        let whole = NSRange(location: 0, length: text.utf16.count)
        if all { return regex.stringByReplacingMatches(in: text, range: whole, withTemplate: replacement) }
        guard let match = regex.firstMatch(in: text, range: whole), let range = Range(match.range, in: text) else { return text }
        let substitute = regex.replacementString(for: match, in: text, offset: 0, template: replacement)
        return text.replacingCharacters(in: range, with: substitute)
    }

    /// Splits like Java's `String.split(regex)`: trailing empty pieces are dropped, a text with
    /// no match gives itself, and a zero-width match at the start gives no leading empty piece.
    private static func split(_ text: String, separator pattern: String) throws(ExpressionError) -> [String] {
        let regex = try RegexCache.shared.regex(pattern)
        let utf16 = text.utf16
        var pieces: [String] = []
        var start = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: utf16.count)) {
            let range = match.range
            if range.length == 0 && range.location == 0 { continue }
            if range.length == 0 && range.location >= utf16.count { continue }
            pieces.append(utf16Slice(text, start, range.location))
            start = range.location + range.length
        }
        if pieces.isEmpty { return [text] }
        pieces.append(utf16Slice(text, start, utf16.count))
        while pieces.last?.isEmpty == true { pieces.removeLast() }
        return pieces
    }

    private static func utf16Slice(_ text: String, _ from: Int, _ to: Int) -> String {
        guard let range = Range(NSRange(location: from, length: to - from), in: text) else { return "" }
        return String(text[range])
    }

    /// Why `pattern` is not a valid regular expression, or `nil` when it is; for the type
    /// checker to report a constant pattern early.
    static func validateRegex(_ pattern: String) -> String? {
        do {
            _ = try RegexCache.shared.regex(pattern)
            return nil
        } catch {
            return error.message
        }
    }
}
