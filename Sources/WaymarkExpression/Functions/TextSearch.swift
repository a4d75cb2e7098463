/// Byte-level text operations for the string functions: no bridging, no grapheme breaking.
///
/// Matching is by Unicode code points (UTF-8 bytes), like Java's `String` methods, rather than
/// by Swift's canonical equivalence; positions are counted in Unicode code points.
enum TextSearch {
    /// Runs `body` on the UTF-8 bytes of both strings.
    @inline(__always)
    static func withBytes<R>(_ a: String, _ b: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        var a = a, b = b
        return a.withUTF8 { first in b.withUTF8 { second in body(first, second) } }
    }

    /// The byte offset of the first occurrence of `needle` in `haystack`.
    /// With `foldingASCII`, ASCII letters match regardless of case.
    static func firstOffset(of needle: String, in haystack: String, foldingASCII: Bool = false) -> Int? {
        withBytes(haystack, needle) { h, n in
            guard n.count <= h.count else { return nil }
            guard n.count > 0 else { return 0 }
            var start = 0
            let last = h.count - n.count
            while start <= last {
                if memoryEqual(h, start, n, foldingASCII: foldingASCII) { return start }
                start += 1
            }
            return nil
        }
    }

    /// The byte offset of the last occurrence of `needle` in `haystack`.
    static func lastOffset(of needle: String, in haystack: String) -> Int? {
        withBytes(haystack, needle) { h, n in
            guard n.count <= h.count else { return nil }
            var start = h.count - n.count
            while start >= 0 {
                if memoryEqual(h, start, n) { return start }
                start -= 1
            }
            return nil
        }
    }

    /// Whether `h[start...]` begins with `n`.
    @inline(__always)
    static func memoryEqual(
        _ h: UnsafeBufferPointer<UInt8>, _ start: Int, _ n: UnsafeBufferPointer<UInt8>, foldingASCII: Bool = false
    ) -> Bool {
        var index = 0
        while index < n.count {
            let a = h[start + index], b = n[index]
            if a != b, !foldingASCII || lowerASCII(a) != lowerASCII(b) { return false }
            index += 1
        }
        return true
    }

    static func hasPrefix(_ string: String, _ prefix: String, foldingASCII: Bool = false) -> Bool {
        withBytes(string, prefix) { s, p in p.count <= s.count && memoryEqual(s, 0, p, foldingASCII: foldingASCII) }
    }

    static func hasSuffix(_ string: String, _ suffix: String, foldingASCII: Bool = false) -> Bool {
        withBytes(string, suffix) { s, p in p.count <= s.count && memoryEqual(s, s.count - p.count, p, foldingASCII: foldingASCII) }
    }

    /// Runs a byte test case-insensitively: directly with ASCII folding when both strings are
    /// ASCII (no allocation), otherwise on Unicode-lowercased copies.
    static func ignoringCase(_ a: String, _ b: String, _ test: (String, String, Bool) -> Bool) -> Bool {
        if isASCII(a), isASCII(b) { return test(a, b, true) }
        return test(folded(a), folded(b), false)
    }

    /// The number of code points in the first `byteOffset` bytes of `string`.
    static func codePointCount(_ string: String, upTo byteOffset: Int? = nil) -> Int {
        var string = string
        return string.withUTF8 { bytes in
            var count = 0
            for index in 0..<min(byteOffset ?? bytes.count, bytes.count) where bytes[index] & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// Whether the string is pure ASCII.
    static func isASCII(_ string: String) -> Bool {
        var string = string
        return string.withUTF8(isASCIIBuffer)
    }

    /// The string for case-insensitive comparison of non-ASCII text: Unicode lowercasing.
    static func folded(_ string: String) -> String {
        string.lowercased()
    }

    /// Java-like case-insensitive equality, with an allocation-free ASCII path.
    static func equalIgnoringCase(_ a: String, _ b: String) -> Bool {
        let asciiResult: Bool? = withBytes(a, b) { x, y in
            guard x.count == y.count else { return isASCIIBuffer(x) && isASCIIBuffer(y) ? false : nil }
            for index in 0..<x.count {
                let p = x[index], q = y[index]
                if p >= 0x80 || q >= 0x80 { return nil }
                if p != q, lowerASCII(p) != lowerASCII(q) { return false }
            }
            return true
        }
        return asciiResult ?? (folded(a) == folded(b))
    }

    @inline(__always)
    static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    static func isASCIIBuffer(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    /// The string with leading and trailing white space and control characters removed.
    static func trimmed(_ string: String) -> String {
        let scalars = string.unicodeScalars
        func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar.value <= 0x20 || scalar.properties.isWhitespace }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isBlank($0) }) ?? first
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return string }
        return String(scalars[first...last])
    }

    /// The code points `begin ..< end` of the string, with both bounds clamped into range.
    static func substring(_ string: String, from begin: Int64, to end: Int64?) -> String {
        let scalars = string.unicodeScalars
        let length = Int64(scalars.count)
        let lower = min(max(begin, 0), length)
        let upper = min(max(end ?? length, lower), length)
        if lower == 0, upper == length { return string }
        let start = scalars.index(scalars.startIndex, offsetBy: Int(lower))
        let stop = scalars.index(start, offsetBy: Int(upper - lower))
        return String(scalars[start..<stop])
    }
}
