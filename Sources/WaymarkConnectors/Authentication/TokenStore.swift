import Synchronization
import WaymarkCore
import WaymarkEngine

/// The tokens of custom authentications, one per config, fetched when missing or expired.
///
/// Calls that need a token while it is being fetched wait for that one fetch instead of
/// starting their own.
final class TokenStore: Sendable {
    private typealias Waiter = CheckedContinuation<Result<AccessToken, CallFailure>?, Never>

    private enum Slot {
        case ready(AccessToken)
        case fetching([Waiter])
    }

    private let slots = Mutex<[CustomAuthentication: Slot]>([:])
    private let fetcher: TokenFetcher
    private let clock: any EngineClock

    init(fetcher: TokenFetcher, clock: any EngineClock) {
        self.fetcher = fetcher
        self.clock = clock
    }

    /// A valid token for `authentication`: the cached one, the one being fetched, or a new one.
    /// - Throws: `CallFailure` when the fetch (this call's or the shared one) fails.
    func token(for authentication: CustomAuthentication, deadline: Int64) async throws(CallFailure) -> AccessToken {
        let now = clock.now()
        // `nil`: this call fetches; otherwise the cached token or the shared fetch's outcome.
        let shared: Result<AccessToken, CallFailure>? = await withCheckedContinuation { (waiter: Waiter) in
            let immediate: Result<AccessToken, CallFailure>?? = slots.withLock { slots in
                switch slots[authentication] {
                case .ready(let token) where token.expiresAt > now:
                    return .some(.success(token))
                case .fetching(var waiters):
                    waiters.append(waiter)
                    slots[authentication] = .fetching(waiters)
                    return .none
                default:
                    slots[authentication] = .fetching([])
                    return .some(nil)
                }
            }
            if let immediate { waiter.resume(returning: immediate) }
        }
        if let shared { return try shared.get() }
        let outcome: Result<AccessToken, CallFailure>
        do throws(CallFailure) {
            outcome = .success(try await fetcher.fetch(authentication, deadline: deadline))
        } catch {
            outcome = .failure(error)
        }
        let waiters = slots.withLock { slots -> [Waiter] in
            guard case .fetching(let waiters) = slots[authentication] else { return [] }
            if case .success(let token) = outcome { slots[authentication] = .ready(token) } else { slots[authentication] = nil }
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: outcome) }
        return try outcome.get()
    }

    /// Forgets `token` (refused by a target), unless another token already replaced it.
    func invalidate(_ authentication: CustomAuthentication, token: String) {
        slots.withLock { slots in
            if case .ready(let cached) = slots[authentication], cached.value == token { slots[authentication] = nil }
        }
    }
}
