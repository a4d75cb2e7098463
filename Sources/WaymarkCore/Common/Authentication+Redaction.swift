extension Authentication {
    /// The text that replaces a secret in a redacted authentication.
    public static let redactedSecret = "<redacted>"

    /// This authentication with every secret (password, API key value, secret body field) replaced.
    public func redacted() -> Authentication {
        switch self {
        case .none:
            return .none
        case .basic(let username, _):
            return .basic(username: username, password: Self.redactedSecret)
        case .apiKey(let name, _, let location):
            return .apiKey(name: name, value: Self.redactedSecret, location: location)
        case .custom(var custom):
            custom.body = custom.body.map { field in
                field.secret ? AuthenticationField(name: field.name, value: Self.redactedSecret, secret: true) : field
            }
            return .custom(custom)
        }
    }

    /// Whether this authentication holds any secret.
    public var hasSecrets: Bool {
        switch self {
        case .none: false
        case .basic, .apiKey: true
        case .custom(let custom): custom.body.contains(where: \.secret)
        }
    }
}
