/// A journey version's report over a period, from its `ReportCounters`: the journey's metrics,
/// each node's, and the journey's metrics hour by hour (for charts).
public struct JourneyReport: Hashable, Sendable {
    /// The journey version.
    public var journeyVersionID: String
    /// The first hour counted (hours since the epoch).
    public var fromHour: Int64
    /// The hour after the last one counted.
    public var toHour: Int64
    /// The journey's metrics (`ReportCounters.JourneyMetric`) over the period.
    public var journey: [String: Int64]
    /// Each node's metrics (`ReportCounters.NodeMetric`) over the period, by node id.
    public var nodes: [String: [String: Int64]]
    /// The journey's metrics per hour, for the hours with any.
    public var hours: [Int64: [String: Int64]]

    /// Sums the counters of `journeyVersionID` in `fromHour..<toHour` (other counters are ignored).
    public init(journeyVersionID: String, fromHour: Int64, toHour: Int64, counters: [String: Int64]) {
        self.journeyVersionID = journeyVersionID
        self.fromHour = fromHour
        self.toHour = toHour
        journey = [:]
        nodes = [:]
        hours = [:]
        for (name, count) in counters {
            guard let key = ReportCounters.Key(name: name), key.journeyVersionID == journeyVersionID,
                key.hour >= fromHour, key.hour < toHour
            else { continue }
            if key.nodeID.isEmpty {
                journey[key.metric, default: 0] += count
                hours[key.hour, default: [:]][key.metric, default: 0] += count
            } else {
                nodes[key.nodeID, default: [:]][key.metric, default: 0] += count
            }
        }
    }
}
