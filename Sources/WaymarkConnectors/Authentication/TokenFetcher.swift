import Logging
import WaymarkCore
import WaymarkEngine

/// Calls a custom authentication's token endpoint and reads the token from its answer.
struct TokenFetcher: Sendable {
    let transport: any HTTPTransport
    let clock: any EngineClock
    let logger: Logger

    /// Fetches a token before `deadline` (milliseconds since the epoch).
    /// - Throws: `CallFailure` (`authentication` for an error answer or no token, `timeout`, transport errors).
    func fetch(_ authentication: CustomAuthentication, deadline: Int64) async throws(CallFailure) -> AccessToken {
        let now = clock.now()
        let spec = Self.request(for: authentication, now: now)
        let endpoint = spec.redactedURL
        guard deadline > now else { throw CallFailure.deadlinePassed(endpoint: endpoint) }
        let response: HTTPResponseSpec
        do throws(HTTPTransportError) {
            response = try await transport.send(spec, timeout: deadline - now)
        } catch {
            logger.warning("token request failed", metadata: ["endpoint": "\(endpoint)", "error": "\(error.code.rawValue)"])
            throw CallFailure.transport(error)
        }
        guard response.isSuccess else {
            logger.warning("token endpoint refused", metadata: ["endpoint": "\(endpoint)", "status": "\(response.status)"])
            throw CallFailure.authentication("the token endpoint \(endpoint) answered \(response.status)")
        }
        guard let token = TokenResponse.token(in: response.body, for: authentication, now: clock.now()) else {
            logger.warning("no token in the token response", metadata: ["endpoint": "\(endpoint)"])
            throw CallFailure.authentication("no token in the answer of \(endpoint)")
        }
        logger.debug("token fetched", metadata: ["endpoint": "\(endpoint)", "expiresAt": "\(token.expiresAt)"])
        return token
    }

    /// The token request: `GET` with the fields as query items, or `POST` with a form or JSON body.
    /// Field values are evaluated when they are expressions; secret fields are marked secret.
    static func request(for authentication: CustomAuthentication, now: Int64) -> HTTPRequestSpec {
        let fields = authentication.body.map { field in
            NamedValue(field.name, AuthenticationValue.resolve(field.value, now: now), isSecret: field.secret)
        }
        var spec = HTTPRequestSpec(method: authentication.method, url: authentication.endpoint)
        spec.setHeader("Accept", "application/json")
        if authentication.method == .get {
            spec.query = fields
            return spec
        }
        switch authentication.bodyKind {
        case .form:
            let form = URLText.appendingQuery(fields, to: "?", redactingSecrets: false).dropFirst()
            spec.body = Array(form.utf8)
            spec.setHeader("Content-Type", "application/x-www-form-urlencoded")
        case .json:
            spec.body = JSONValue.object(OrderedFields(fields.map { ($0.name, .string($0.value)) })).serializedBytes()
            spec.setHeader("Content-Type", "application/json")
        }
        return spec
    }
}
