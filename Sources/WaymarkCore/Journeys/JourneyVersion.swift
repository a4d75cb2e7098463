/// A journey version number `major.minor`, written as the string `"1.0"`.
public struct JourneyVersion: Hashable, Comparable, Sendable {
    /// The major number: a new version created from the live one increments it.
    public var major: Int
    /// The minor number.
    public var minor: Int

    /// Creates a version number.
    public init(major: Int, minor: Int = 0) {
        self.major = major
        self.minor = minor
    }

    /// The first version, `1.0`.
    public static let initial = JourneyVersion(major: 1, minor: 0)

    /// The version that "create new version" makes from this one: the next major.
    public var nextMajor: JourneyVersion { JourneyVersion(major: major + 1, minor: 0) }

    public static func < (lhs: JourneyVersion, rhs: JourneyVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}

extension JourneyVersion: LosslessStringConvertible {
    /// Parses `major.minor`, e.g. `"2.1"`; both parts non-negative integers.
    public init?(_ description: String) {
        let parts = description.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let major = Int(parts[0]), let minor = Int(parts[1])
        else { return nil }
        self.init(major: major, minor: minor)
    }

    /// The rendering `major.minor`.
    public var description: String { "\(major).\(minor)" }
}

extension JourneyVersion: ConfigStringValue {
    /// The format named by decoding errors.
    public static var expectedFormat: String { "a version such as \"1.0\"" }
}
