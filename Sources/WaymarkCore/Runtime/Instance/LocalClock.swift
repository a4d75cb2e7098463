/// The wall-clock time and weekday of an instant in a zone, for time conditions.
struct LocalClock {
    /// Minutes since local midnight.
    let minuteOfDay: Int
    let weekday: Weekday

    init(epochMilliseconds: Int64, zone: Zone) {
        let local = epochMilliseconds + Int64(zone.offsetSeconds(atEpochMilliseconds: epochMilliseconds)) * 1000
        let dayLength: Int64 = 86_400_000
        let day = local >= 0 ? local / dayLength : (local - dayLength + 1) / dayLength
        minuteOfDay = Int((local - day * dayLength) / 60_000)
        // 1970-01-01 was a Thursday (index 3 from Monday).
        let index = Int(((day + 3) % 7 + 7) % 7)
        weekday = Weekday.allCases[index]
    }

    /// Whether a time condition path holds: one of its days (any when none) and inside its hour
    /// range (`from` inclusive, `to` exclusive, crossing midnight when `from > to`).
    func matches(_ path: TimePath) -> Bool {
        guard path.days.isEmpty || path.days.contains(weekday) else { return false }
        switch (path.from?.minuteOfDay, path.to?.minuteOfDay) {
        case (nil, nil): return true
        case (let from?, nil): return minuteOfDay >= from
        case (nil, let to?): return minuteOfDay < to
        case (let from?, let to?):
            return from <= to ? (from <= minuteOfDay && minuteOfDay < to) : (minuteOfDay >= from || minuteOfDay < to)
        }
    }
}
