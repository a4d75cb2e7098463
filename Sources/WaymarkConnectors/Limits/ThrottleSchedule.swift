/// The slots of one throttle: calls spaced `1000 / perSecond` milliseconds, after a burst of up
/// to one second's worth (`perSecond` calls at once when the endpoint was idle).
///
/// A generic cell rate algorithm (a token bucket of `perSecond` tokens refilled at `perSecond`
/// per second): sustained throughput is `perSecond`, and any interval of `w` milliseconds holds
/// at most `perSecond + w * perSecond / 1000` slots (a full bucket plus the refill). Time is
/// counted in units of `1 / perSecond` ms, so the spacing is exactly 1,000 units and slots are
/// exact for every rate; a slot is the first millisecond at or after its unit.
///
/// Slots never decrease: an earlier `now` than one seen before counts as the latest seen.
package struct ThrottleSchedule: Sendable {
    /// The most calls per second.
    package let perSecond: Int64
    /// The theoretical instant of the next call at the sustained rate, in units.
    private var next: Int64 = .min
    /// The latest `now` seen, in milliseconds.
    private var latest: Int64 = .min

    /// A schedule of `perSecond` calls per second.
    package init(perSecond: Int) {
        precondition(perSecond >= 1, "a throttle needs at least one call per second")
        self.perSecond = Int64(perSecond)
    }

    /// Reserves the earliest slot at or after `now` (milliseconds since the epoch).
    ///
    /// A slot more than `horizon` milliseconds after `now` is returned without being reserved:
    /// the queue is full and the caller fails the call, leaving the slots to the others.
    package mutating func reserve(now: Int64, horizon: Int64) -> Int64 {
        latest = max(latest, now)
        let nowUnits = latest * perSecond
        let theoretical = max(next, nowUnits)
        let slotUnits = max(nowUnits, theoretical - (perSecond - 1) * 1_000)
        let slot = (slotUnits + perSecond - 1) / perSecond
        guard slot - latest <= horizon else { return slot }
        next = theoretical + 1_000
        return slot
    }
}
