/// How failed calls are tried again: at most `maxRetries` more times, after delays doubling from
/// `baseDelay`, each jittered by up to ± `jitter` of itself, never past the call's deadline.
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts after the first.
    public var maxRetries: Int
    /// The delay before the first retry, milliseconds (then doubled each time).
    public var baseDelay: Int64
    /// The share of a delay it may move by, randomly, either way (0 … 1).
    public var jitter: Double

    /// Creates a policy; the default retries 3 times after about 100, 200 and 400 ms.
    public init(maxRetries: Int = 3, baseDelay: Int64 = 100, jitter: Double = 0.2) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.jitter = jitter
    }

    /// No retries.
    public static let none = RetryPolicy(maxRetries: 0)

    /// The delay before retry number `retry` (1-based), milliseconds, jittered.
    func delay(beforeRetry retry: Int) -> Int64 {
        let nominal = Double(baseDelay) * Double(1 << min(max(retry - 1, 0), 16))
        let spread = nominal * min(max(jitter, 0), 1)
        let jittered = spread > 0 ? nominal + Double.random(in: -spread...spread) : nominal
        return max(Int64(jittered.rounded()), 0)
    }
}
