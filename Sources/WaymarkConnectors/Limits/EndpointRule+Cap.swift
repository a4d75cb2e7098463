import WaymarkCore

extension EndpointRule {
    /// At most `calls` calls in any sliding `period`: the calls beyond are not made and fail
    /// as `capped`.
    public struct Cap: Hashable, Sendable, Codable {
        /// The most calls in one period; at least 1.
        public var calls: Int
        /// The length of the sliding window; at least one millisecond. Written as an ISO-8601
        /// duration (`"PT1M"`) or a number of milliseconds (`60000`).
        public var period: ISODuration

        /// Creates a cap; `EndpointRules` validates it.
        public init(calls: Int, period: ISODuration) {
            self.calls = calls
            self.period = period
        }

        private enum CodingKeys: String, CodingKey {
            case calls, period
        }

        /// Decodes a cap whose period is an ISO-8601 duration or a number of milliseconds.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            calls = try container.decode(Int.self, forKey: .calls)
            if let milliseconds = try? container.decode(Int64.self, forKey: .period) {
                period = ISODuration(milliseconds: milliseconds)
            } else if !container.contains(.period) {
                throw DecodingError.keyNotFound(
                    CodingKeys.period, .init(codingPath: container.codingPath, debugDescription: "period is missing"))
            } else if let text = try? container.decode(String.self, forKey: .period), let duration = ISODuration(text) {
                period = duration
            } else {
                throw DecodingError.dataCorruptedError(
                    forKey: .period, in: container,
                    debugDescription: "expected an ISO-8601 duration such as PT1M or a number of milliseconds")
            }
        }

        /// What is wrong with the cap, if anything: the field and the problem.
        var problem: (field: String, message: String)? {
            if calls < 1 { return ("calls", "must be at least 1, found \(calls)") }
            if period.milliseconds < 1 { return ("period", "must be at least one millisecond, found \(period)") }
            return nil
        }
    }
}
