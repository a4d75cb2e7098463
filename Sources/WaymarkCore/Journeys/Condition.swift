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
