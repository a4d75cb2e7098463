extension EndpointRule {
    /// At most `perSecond` calls per second: the calls beyond wait for a later slot (in the
    /// engine's durable outbox, up to `EndpointGate.maxQueueDuration`) instead of being dropped.
    public struct Throttle: Hashable, Sendable, Codable {
        /// The most calls per second, `minimumPerSecond` to `maximumPerSecond`.
        public var perSecond: Int

        /// The lowest rate accepted.
        public static let minimumPerSecond = 1
        /// The highest rate accepted (the baseline's throttling range is 200 to 5,000 per second).
        public static let maximumPerSecond = 5_000

        /// Creates a throttle; `EndpointRules` validates it.
        public init(perSecond: Int) {
            self.perSecond = perSecond
        }

        /// What is wrong with the throttle, if anything: the field and the problem.
        var problem: (field: String, message: String)? {
            guard (Self.minimumPerSecond...Self.maximumPerSecond).contains(perSecond) else {
                return (
                    "perSecond",
                    "must be \(Self.minimumPerSecond) to \(Self.maximumPerSecond) calls per second, found \(perSecond)"
                )
            }
            return nil
        }
    }
}
