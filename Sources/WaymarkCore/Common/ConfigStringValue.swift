/// A value written in configs as one string (a duration, a version, a time of day, a date-time).
///
/// Conforming types get their `Codable` conformance from their string form: decoding a
/// string that does not parse names the expected format, e.g. "expected an ISO-8601 duration
/// such as PT1H".
public protocol ConfigStringValue: LosslessStringConvertible, Codable {
    /// What the string should look like, for error messages (e.g. `an ISO-8601 duration such as PT1H`).
    static var expectedFormat: String { get }
}

extension ConfigStringValue {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected \(Self.expectedFormat), found \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
