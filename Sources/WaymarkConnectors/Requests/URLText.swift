import WaymarkCore

/// URL text operations the connectors need, on plain strings: joining paths, appending
/// percent-encoded query items, reading the origin.
enum URLText {
    /// `url` with `items` appended as a query (after `&` when `url` already has a query),
    /// names and values percent-encoded; secret values shown as `<redacted>` when `redactingSecrets`.
    static func appendingQuery(_ items: [NamedValue], to url: String, redactingSecrets: Bool) -> String {
        guard !items.isEmpty else { return url }
        var text = url
        if !url.contains("?") {
            text.append("?")
        } else if !url.hasSuffix("?") && !url.hasSuffix("&") {
            text.append("&")
        }
        text += items.map { item in
            let value = redactingSecrets && item.isSecret ? Authentication.redactedSecret : percentEncoded(item.value)
            return percentEncoded(item.name) + "=" + value
        }.joined(separator: "&")
        return text
    }

    /// `base` and `path` joined with exactly one `/` (before any query string of `base`);
    /// `path` percent-encoded where a path needs it. An empty path leaves `base` as it is.
    static func joiningPath(_ base: String, _ path: String) -> String {
        let trimmedPath = path.drop { $0 == "/" }
        guard !trimmedPath.isEmpty else { return base }
        let queryStart = base.firstIndex(of: "?") ?? base.endIndex
        var head = base[..<queryStart]
        while head.hasSuffix("/") { head.removeLast() }
        return String(head) + "/" + percentEncoded(trimmedPath, keeping: pathCharacters) + base[queryStart...]
    }

    /// `scheme://host:port` of an absolute URL, the default port spelled out (80, 443);
    /// `nil` when the URL has no `scheme://host`.
    static func origin(of url: String) -> String? {
        guard let (scheme, authority, _) = split(url), !authority.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scheme.utf8.count + authority.utf8.count + 7)
        for byte in scheme.utf8 { bytes.append(lowered(byte)) }
        bytes.append(contentsOf: "://".utf8)
        // Host and port: after any `user:password@`.
        let hostPort = authority.utf8.lastIndex(of: UInt8(ascii: "@")).map { authority.utf8[authority.utf8.index(after: $0)...] }
            ?? authority.utf8[...]
        var hasPort = false
        for byte in hostPort {
            if byte == UInt8(ascii: ":") { hasPort = true } else if byte == UInt8(ascii: "]") { hasPort = false }
            bytes.append(lowered(byte))
        }
        if !hasPort {
            let secure = bytes.starts(with: "https:".utf8)
            bytes.append(contentsOf: (secure ? ":443" : ":80").utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An ASCII letter in lower case; any other byte as it is.
    @inline(__always)
    static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// The path, query and fragment of an absolute URL (`/v1/coupons?x=1`); `url` itself when it is not absolute.
    static func pathAndQuery(of url: String) -> String {
        guard let (_, _, rest) = split(url) else { return url }
        return String(rest)
    }

    /// The scheme, the authority and the rest of `scheme://authority/rest` (a scan of the bytes).
    private static func split(_ url: String) -> (Substring, String, Substring)? {
        let utf8 = url.utf8
        var index = utf8.startIndex
        var schemeEnd: String.Index?
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: ":") {
                let next = utf8.index(after: index)
                if next < utf8.endIndex, utf8[next] == UInt8(ascii: "/") {
                    let second = utf8.index(after: next)
                    if second < utf8.endIndex, utf8[second] == UInt8(ascii: "/") { schemeEnd = index }
                }
                break
            }
            index = utf8.index(after: index)
        }
        guard let schemeEnd else { return nil }
        let authorityStart = utf8.index(schemeEnd, offsetBy: 3)
        var authorityEnd = authorityStart
        while authorityEnd < utf8.endIndex {
            let byte = utf8[authorityEnd]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            authorityEnd = utf8.index(after: authorityEnd)
        }
        return (url[..<schemeEnd], String(url[authorityStart..<authorityEnd]), url[authorityEnd...])
    }

    /// A table of the bytes in a set, for lookups without hashing.
    struct ByteSet: Sendable {
        private let members: [Bool]

        init(_ bytes: some Sequence<UInt8>) {
            var members = [Bool](repeating: false, count: 256)
            for byte in bytes { members[Int(byte)] = true }
            self.members = members
        }

        func contains(_ byte: UInt8) -> Bool { members[Int(byte)] }

        func union(_ bytes: some Sequence<UInt8>) -> ByteSet {
            ByteSet((0...255).map(UInt8.init).filter { contains($0) } + Array(bytes))
        }
    }

    /// Characters kept as they are in a query name or value: RFC 3986's unreserved ones.
    static let unreserved = ByteSet(
        Array(UInt8(ascii: "A")...UInt8(ascii: "Z")) + Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
            + Array(UInt8(ascii: "0")...UInt8(ascii: "9")) + "-._~".utf8)

    /// Characters kept as they are in a path: unreserved, sub-delimiters, `:`, `@`, `/`.
    private static let pathCharacters = unreserved.union("!$&'()*+,;=:@/".utf8)

    /// `text` with every byte outside `keeping` written `%XX`.
    static func percentEncoded(_ text: some StringProtocol, keeping allowed: ByteSet = unreserved) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { !allowed.contains($0) }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 8)
        for byte in utf8 {
            if allowed.contains(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
