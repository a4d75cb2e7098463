/// The rule of a condition node: how a person's path is chosen.
public enum Condition: Hashable, Sendable {
    /// Ordered expression paths; the first true one wins.
    case dataSource([ConditionPath])
    /// Hour ranges and/or days of the week, in the journey's or the profile's zone.
    case time(TimeCondition)
    /// Date periods; the first path with a period containing now wins.
    case date([DatePath])
    /// A random split by percentages summing to 100.
    case percentage([PercentagePath])
    /// The first `cap` people take the `next` transition, the others `otherCases`.
    case profileCap(Int)

    /// The default profile cap.
    public static let defaultProfileCap = 1_000

    /// The labels of the paths, in order (none for a profile cap).
    public var pathLabels: [String] {
        switch self {
        case .dataSource(let paths): paths.map(\.label)
        case .time(let time): time.paths.map(\.label)
        case .date(let paths): paths.map(\.label)
        case .percentage(let paths): paths.map(\.label)
        case .profileCap: []
        }
    }

    /// The `type` string of the condition in configs.
    public var type: String {
        switch self {
        case .dataSource: "dataSource"
        case .time: "time"
        case .date: "date"
        case .percentage: "percentage"
        case .profileCap: "profileCap"
        }
    }
}

/// A path of a data source condition.
public struct ConditionPath: Codable, Hashable, Sendable {
    /// The label of the path (what `path` transitions name).
    public var label: String
    /// The boolean expression source.
    public var expression: String

    /// Creates a path.
    public init(label: String, expression: String) {
        self.label = label
        self.expression = expression
    }
}

/// A path of a percentage split.
public struct PercentagePath: Codable, Hashable, Sendable {
    /// The label of the path.
    public var label: String
    /// The share of people taking it, in percent.
    public var percentage: Double

    /// Creates a path.
    public init(label: String, percentage: Double) {
        self.label = label
        self.percentage = percentage
    }
}

/// A path of a date condition.
public struct DatePath: Codable, Hashable, Sendable {
    /// The label of the path.
    public var label: String
    /// The periods in which the path is taken.
    public var periods: [DatePeriod]

    /// Creates a path.
    public init(label: String, periods: [DatePeriod]) {
        self.label = label
        self.periods = periods
    }
}

/// A period from one instant (inclusive) to another (exclusive).
public struct DatePeriod: Codable, Hashable, Sendable {
    /// The start, inclusive.
    public var from: Timestamp
    /// The end, exclusive.
    public var to: Timestamp

    /// Creates a period.
    public init(from: Timestamp, to: Timestamp) {
        self.from = from
        self.to = to
    }
}

extension Condition: Codable {
    private enum CodingKeys: String, CodingKey { case type, paths, cap }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "dataSource": self = .dataSource(try container.decodeIfPresent([ConditionPath].self, forKey: .paths) ?? [])
        case "time": self = .time(try TimeCondition(from: decoder))
        case "date": self = .date(try container.decodeIfPresent([DatePath].self, forKey: .paths) ?? [])
        case "percentage": self = .percentage(try container.decodeIfPresent([PercentagePath].self, forKey: .paths) ?? [])
        case "profileCap": self = .profileCap(try container.decodeIfPresent(Int.self, forKey: .cap) ?? Self.defaultProfileCap)
        default:
            throw container.unknownValue(type, forKey: .type, of: "condition type", expected: "dataSource, time, date, percentage or profileCap")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .dataSource(let paths): try container.encode(paths, forKey: .paths)
        case .time(let time): try time.encode(to: encoder)
        case .date(let paths): try container.encode(paths, forKey: .paths)
        case .percentage(let paths): try container.encode(paths, forKey: .paths)
        case .profileCap(let cap): if cap != Self.defaultProfileCap { try container.encode(cap, forKey: .cap) }
        }
    }
}
