import WaymarkCore

/// A token obtained from a custom authentication's endpoint, and until when it may be used.
struct AccessToken: Hashable, Sendable {
    /// The token.
    var value: String
    /// When it stops being used, milliseconds since the epoch.
    var expiresAt: Int64
}

/// Reading a token endpoint's answer.
enum TokenResponse {
    /// The expiry when the config reads it from the response and the response has none: one hour.
    static let defaultLifetime: Int64 = 3_600_000

    /// The token in `body` (the whole body, or the value at the config's dotted path) and its
    /// expiry (the config's duration, or the response's expiry in seconds or as an ISO date-time);
    /// `nil` when there is no token.
    static func token(in body: [UInt8], for authentication: CustomAuthentication, now: Int64) -> AccessToken? {
        let json = try? JSONValue(parsing: body)
        let value: String?
        if let path = authentication.tokenPath {
            value = json.flatMap { scalarText($0.value(atDottedPath: path)) }
        } else if case .string(let string)? = json {
            value = string
        } else {
            value = String(decoding: body, as: UTF8.self).trimmingWhitespace()
        }
        guard let value, !value.isEmpty else { return nil }
        return AccessToken(value: value, expiresAt: expiry(of: json, cache: authentication.cache, now: now))
    }

    /// When a token fetched at `now` expires.
    static func expiry(of response: JSONValue?, cache: CustomAuthentication.TokenCache, now: Int64) -> Int64 {
        switch cache {
        case .duration(let duration):
            return now + duration.milliseconds
        case .responseExpiry(let path):
            switch response?.value(atDottedPath: path) {
            case .int(let seconds)?: return now + seconds * 1_000
            case .double(let seconds)?: return now + Int64(seconds * 1_000)
            case .string(let text)?:
                if let seconds = Int64(text) { return now + seconds * 1_000 }
                if let instant = ZonedDateTime(iso8601: text) { return instant.epochMilliseconds }
                return now + defaultLifetime
            default:
                return now + defaultLifetime
            }
        }
    }

    private static func scalarText(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let string)?: string
        case .int(let int)?: String(int)
        case .double(let double)?: String(double)
        default: nil
        }
    }
}

extension JSONValue {
    /// The value at a dotted path of nested objects (`data.access_token`), if any.
    func value(atDottedPath path: String) -> JSONValue? {
        var current = self
        for name in path.split(separator: ".", omittingEmptySubsequences: true) {
            guard case .object(let fields) = current, let next = fields[String(name)] else { return nil }
            current = next
        }
        return current
    }
}

extension String {
    /// This text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
