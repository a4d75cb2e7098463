import Foundation
import Synchronization

/// Zone ids, offsets, and the mapping between instants and local fields (through Foundation's
/// `TimeZone` for region ids).
extension Zone {
    /// UTC (`Z`).
    public static let utc = Zone.offset(seconds: 0)

    /// Parses a zone id: `Z`, an offset (`+01:00`, `-0530`, `+01`) or an IANA region id
    /// (`Europe/Paris`, `UTC`). `nil` when it names no known zone.
    public init?(identifier: String) {
        if identifier == "Z" || identifier == "z" {
            self = .utc
        } else if let first = identifier.utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            var scanner = ISO8601Scanner(identifier)
            guard let seconds = scanner.offsetSeconds(), scanner.isAtEnd else { return nil }
            self = .offset(seconds: seconds)
        } else {
            guard ZoneCache.shared.timeZone(identifier) != nil else { return nil }
            self = .region(identifier)
        }
    }

    /// The id as written in ISO-8601: `Z`, `+01:00`, or the region id.
    public var identifier: String {
        switch self {
        case .offset(let seconds): Self.renderOffset(seconds)
        case .region(let id): id
        }
    }

    /// Renders an offset as `Z` or `±HH:MM` (`±HH:MM:SS` when it has seconds).
    static func renderOffset(_ seconds: Int) -> String {
        if seconds == 0 { return "Z" }
        let magnitude = abs(seconds)
        var text = (seconds < 0 ? "-" : "+") + twoDigits(magnitude / 3600) + ":" + twoDigits(magnitude / 60 % 60)
        if magnitude % 60 != 0 { text += ":" + twoDigits(magnitude % 60) }
        return text
    }

    /// The offset from UTC in seconds at an instant.
    public func offsetSeconds(atEpochMilliseconds milliseconds: Int64) -> Int {
        switch self {
        case .offset(let seconds): return seconds
        case .region(let id):
            guard let timeZone = ZoneCache.shared.timeZone(id) else { return 0 }
            let date = Date(timeIntervalSince1970: Double(milliseconds.floorDivided(by: 1000)))
            return timeZone.secondsFromGMT(for: date)
        }
    }

    /// The instant at which the clocks of this zone show `local`.
    ///
    /// Like `java.time`: in an overlap (clocks set back) the earlier instant wins; in a gap
    /// (clocks set forward) the local time is moved later by the length of the gap.
    /// `nil` when the instant is out of range.
    public func epochMilliseconds(of local: LocalDateTime) -> Int64? {
        let localMilliseconds = local.millisecondsSinceLocalEpoch
        switch self {
        case .offset(let seconds):
            return localMilliseconds.subtractingReportingOverflow(Int64(seconds) * 1000).partialValue
        case .region:
            let day = LocalDate.millisecondsPerDay
            let before = Int64(offsetSeconds(atEpochMilliseconds: localMilliseconds - day)) * 1000
            let after = Int64(offsetSeconds(atEpochMilliseconds: localMilliseconds + day)) * 1000
            let early = localMilliseconds - before
            if before == after { return early }
            let late = localMilliseconds - after
            let earlyValid = Int64(offsetSeconds(atEpochMilliseconds: early)) * 1000 == before
            let lateValid = Int64(offsetSeconds(atEpochMilliseconds: late)) * 1000 == after
            return (!earlyValid && lateValid) ? late : early
        }
    }
}

/// A number on two digits (`07`).
func twoDigits(_ value: Int) -> String { zeroPadded(value, width: 2) }

/// A non-negative number left-padded with zeros to `width` digits; a negative one as it is.
func zeroPadded(_ value: some BinaryInteger, width: Int) -> String {
    let digits = String(value)
    return value < 0 ? digits : String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// A process-wide cache of Foundation time zones by region id (loading one reads tzdata).
final class ZoneCache: Sendable {
    /// The shared cache.
    static let shared = ZoneCache()

    private let zones = Mutex<[String: TimeZone?]>([:])

    /// The time zone of a region id, or `nil` when Foundation does not know it.
    func timeZone(_ identifier: String) -> TimeZone? {
        if let cached = zones.withLock({ $0[identifier] }) { return cached }
        let loaded = Self.load(identifier)
        zones.withLock { cache in
            if cache.count > 1000 { cache.removeAll() }
            cache[identifier] = loaded
        }
        return loaded
    }

    /// Loads a region id; offsets-as-names like `GMT+1` that Foundation accepts are refused,
    /// so that a region is always an IANA name.
    private static func load(_ identifier: String) -> TimeZone? {
        guard !identifier.isEmpty, identifier.utf8.count < 64,
              let zone = TimeZone(identifier: identifier) else { return nil }
        if identifier == "UTC" || identifier == "GMT" { return zone }
        return TimeZone.knownTimeZoneIdentifiers.contains(identifier) || zone.identifier == identifier ? zone : nil
    }
}
