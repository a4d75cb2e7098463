import WaymarkCore

/// The counters live reports are read from, kept up to date by every commit: per journey
/// version, per hour, per node (or the journey as a whole), per metric. A report over any
/// number of step events reads a few counters, never the step events.
///
/// A counter's name is `report␟<journeyVersionID>␟<hour>␟<nodeID>␟<metric>` (␟ is the unit
/// separator U+001F; the hour since the epoch is written with 10 digits), so one journey
/// version's counters over a period are one range of names.
public enum ReportCounters {
    /// The metrics of the journey as a whole (node id empty).
    public enum JourneyMetric {
        /// People who entered.
        public static let entered = "entered"
        /// People whose instance ended, for any reason.
        public static let exited = "exited"
        /// Instances that ended on an end node without error.
        public static let completed = "completed"
        /// Instances that ended in error.
        public static let errors = "errors"
        /// Instances that reached the journey's timeout.
        public static let timedOut = "timedOut"
        /// Events discarded for the journey, by reason: `discarded:<reason>`.
        public static let discardedPrefix = "discarded:"
    }

    /// The metrics of a node.
    public enum NodeMetric {
        /// Steps taken at the node.
        public static let steps = "steps"
        /// Steps that ended in error.
        public static let errors = "errors"
        /// Action or fetch calls that timed out.
        public static let timedOut = "timedOut"
        /// Calls refused by capping.
        public static let capped = "capped"
        /// Actions executed without error.
        public static let actionsExecuted = "actionsExecuted"
        /// Actions that failed, by reason: `actionsFailed:<error>[:<code>]`.
        public static let actionsFailedPrefix = "actionsFailed:"
        /// Events received at an event node.
        public static let eventsReceived = "eventsReceived"
    }

    static let separator: Character = "\u{1F}"
    static let prefix = "report\u{1F}"

    /// A counter's parts.
    public struct Key: Hashable, Sendable {
        public var journeyVersionID: String
        /// Hours since the epoch.
        public var hour: Int64
        /// Empty for the journey as a whole.
        public var nodeID: String
        public var metric: String

        public init(journeyVersionID: String, hour: Int64, nodeID: String, metric: String) {
            self.journeyVersionID = journeyVersionID
            self.hour = hour
            self.nodeID = nodeID
            self.metric = metric
        }

        /// The counter's name.
        public var name: String {
            ReportCounters.prefix + journeyVersionID + String(separator) + ReportCounters.hourText(hour) + String(separator)
                + nodeID + String(separator) + metric
        }

        /// Reads a counter's name; `nil` for another counter.
        public init?(name: String) {
            guard name.hasPrefix(ReportCounters.prefix) else { return nil }
            let parts = name.dropFirst(ReportCounters.prefix.count).split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 4, let hour = Int64(parts[1]) else { return nil }
            self.init(journeyVersionID: String(parts[0]), hour: hour, nodeID: String(parts[2]), metric: String(parts[3]))
        }
    }

    /// The names of one journey version's counters over hours `from..<to`, as a range `[lower, upper)`.
    public static func range(journeyVersionID: String, fromHour: Int64, toHour: Int64) -> (lower: String, upper: String) {
        let base = prefix + journeyVersionID + String(separator)
        return (base + hourText(max(0, fromHour)), base + hourText(max(0, toHour)))
    }

    /// The hour (since the epoch) of an instant in milliseconds.
    public static func hour(of milliseconds: Int64) -> Int64 { milliseconds >= 0 ? milliseconds / 3_600_000 : 0 }

    static func hourText(_ hour: Int64) -> String {
        let digits = String(min(hour, 9_999_999_999))
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// The counter increments that step events and discards make (test-mode steps left out).
    public static func increments(of steps: [StepEvent], discards: [DiscardRecord]) -> [String: Int64] {
        var counts: [Key: Int64] = [:]
        func add(_ step: StepEvent, _ nodeID: String, _ metric: String) {
            counts[Key(journeyVersionID: step.journeyVersionID, hour: hour(of: step.timestamp), nodeID: nodeID, metric: metric), default: 0] += 1
        }
        for step in steps where !step.inTest {
            if step.entrance { add(step, "", JourneyMetric.entered) }
            if step.instanceEnded {
                add(step, "", JourneyMetric.exited)
                switch step.stepStatus {
                case .ended: add(step, "", JourneyMetric.completed)
                case .instanceTimedout: add(step, "", JourneyMetric.timedOut)
                default: add(step, "", JourneyMetric.errors)
                }
            }
            add(step, step.nodeID, NodeMetric.steps)
            switch step.stepStatus {
            case .error: add(step, step.nodeID, NodeMetric.errors)
            case .timedout: add(step, step.nodeID, NodeMetric.timedOut)
            case .capped: add(step, step.nodeID, NodeMetric.capped)
            default: break
            }
            if step.actionName != nil {
                if let error = step.actionExecutionError {
                    let code = step.actionExecutionErrorCode.map { ":" + $0 } ?? ""
                    add(step, step.nodeID, NodeMetric.actionsFailedPrefix + error + code)
                } else {
                    add(step, step.nodeID, NodeMetric.actionsExecuted)
                }
            }
            if step.nodeType == "event" || step.nodeType == "start" { add(step, step.nodeID, NodeMetric.eventsReceived) }
        }
        for discard in discards {
            let key = Key(
                journeyVersionID: discard.journeyVersionID ?? "", hour: hour(of: discard.timestamp), nodeID: "",
                metric: JourneyMetric.discardedPrefix + discard.reason.rawValue)
            counts[key, default: 0] += 1
        }
        var named: [String: Int64] = [:]
        named.reserveCapacity(counts.count)
        for (key, count) in counts { named[key.name] = count }
        return named
    }
}
