/// The time zone a journey reads hours and dates in.
public enum TimeZoneSetting: Hashable, Sendable {
    /// A fixed zone id such as `Europe/Paris` or `UTC`.
    case fixed(String)
    /// The profile's time zone, or the fallback zone id when the profile has none.
    case profile(fallback: String)
}

extension TimeZoneSetting: Codable {
    private enum CodingKeys: String, CodingKey { case kind, id, fallback }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "fixed": self = .fixed(try container.decode(String.self, forKey: .id))
        case "profile": self = .profile(fallback: try container.decodeIfPresent(String.self, forKey: .fallback) ?? "UTC")
        default:
            throw container.unknownValue(kind, forKey: .kind, of: "time zone kind", expected: "fixed or profile")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .fixed(let id):
            try container.encode("fixed", forKey: .kind)
            try container.encode(id, forKey: .id)
        case .profile(let fallback):
            try container.encode("profile", forKey: .kind)
            try container.encode(fallback, forKey: .fallback)
        }
    }
}
