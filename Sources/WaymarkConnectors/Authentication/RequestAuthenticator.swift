import Foundation
import WaymarkCore

/// Puts a config's authentication on a request: basic credentials, an API key in a header or
/// the query, or a custom token (as a bearer token, a named header or a query item).
struct RequestAuthenticator: Sendable {
    let tokens: TokenStore

    /// Authenticates `spec`.
    /// - Returns: the custom token used, so that a 401 can invalidate exactly it; `nil` otherwise.
    /// - Throws: `CallFailure` when a custom token cannot be obtained before `deadline`.
    func authenticate(_ spec: inout HTTPRequestSpec, with authentication: Authentication, deadline: Int64)
        async throws(CallFailure) -> String?
    {
        switch authentication {
        case .none:
            return nil
        case .basic(let username, let password):
            let credentials = Data("\(username):\(password)".utf8).base64EncodedString()
            spec.setHeader("Authorization", "Basic \(credentials)", isSecret: true)
            return nil
        case .apiKey(let name, let value, .header):
            spec.setHeader(name, value, isSecret: true)
            return nil
        case .apiKey(let name, let value, .query):
            spec.setQueryItem(name, value, isSecret: true)
            return nil
        case .custom(let custom):
            let token = try await tokens.token(for: custom, deadline: deadline).value
            switch custom.tokenUse {
            case .bearer: spec.setHeader("Authorization", "Bearer \(token)", isSecret: true)
            case .header(let name): spec.setHeader(name, token, isSecret: true)
            case .query(let name): spec.setQueryItem(name, token, isSecret: true)
            }
            return token
        }
    }

    /// Forgets a custom token a target refused (401), so that the next attempt fetches a new one.
    func invalidate(_ authentication: Authentication, token: String) {
        guard case .custom(let custom) = authentication else { return }
        tokens.invalidate(custom, token: token)
    }
}
