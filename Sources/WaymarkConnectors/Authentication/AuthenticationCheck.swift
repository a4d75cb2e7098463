import Logging
import WaymarkCore
import WaymarkEngine

/// The answer to "test the authentication" of a data source or an action.
public struct AuthenticationCheck: Hashable, Sendable {
    /// Whether a token was obtained (custom authentication), or there was nothing to obtain.
    public var succeeded: Bool
    /// What happened, for the technical user (never a secret).
    public var message: String
    /// When the token obtained expires, milliseconds since the epoch.
    public var expiresAt: Int64?

    /// Tests an authentication without making a call with it: a custom authentication's token
    /// endpoint is called and its answer read as a call would; basic and API-key
    /// authentications are sent with each call and have nothing to test on their own.
    public static func run(
        _ authentication: Authentication, transport: any HTTPTransport, clock: any EngineClock = SystemClock(), timeout: Int64 = 10_000
    ) async -> AuthenticationCheck {
        switch authentication {
        case .none:
            return AuthenticationCheck(succeeded: true, message: "no authentication: calls are sent without credentials")
        case .basic, .apiKey:
            return AuthenticationCheck(
                succeeded: true, message: "\(authentication.kindName) credentials are sent with each call; there is no token to fetch")
        case .custom(let custom):
            let fetcher = TokenFetcher(transport: transport, clock: clock, logger: Logger(label: "waymark.auth-check"))
            do {
                let token = try await fetcher.fetch(custom, deadline: clock.now() + timeout)
                return AuthenticationCheck(succeeded: true, message: "a token was obtained from the token endpoint", expiresAt: token.expiresAt)
            } catch {
                return AuthenticationCheck(succeeded: false, message: error.message)
            }
        }
    }
}

extension Authentication {
    /// The kind as configs name it.
    fileprivate var kindName: String {
        switch self {
        case .none: "none"
        case .basic: "basic"
        case .apiKey: "apiKey"
        case .custom: "custom"
        }
    }
}
