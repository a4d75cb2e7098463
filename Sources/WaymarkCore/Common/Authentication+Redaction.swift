extension Authentication {
    /// The text that replaces a secret in a redacted authentication.
    public static let redactedSecret = "<redacted>"

    /// This authentication with every secret (password, API key value, secret body field) replaced.
    public func redacted() -> Authentication {
        mappingSecrets { _ in Self.redactedSecret }
    }

    /// This authentication with every secret passed through `transform` (to redact, seal or open it).
    public func mappingSecrets<Failure: Error>(_ transform: (String) throws(Failure) -> String) throws(Failure) -> Authentication {
        switch self {
        case .none:
            return .none
        case .basic(let username, let password):
            return .basic(username: username, password: try transform(password))
        case .apiKey(let name, let value, let location):
            return .apiKey(name: name, value: try transform(value), location: location)
        case .custom(var custom):
            var body: [AuthenticationField] = []
            for field in custom.body {
                body.append(field.secret ? AuthenticationField(name: field.name, value: try transform(field.value), secret: true) : field)
            }
            custom.body = body
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
