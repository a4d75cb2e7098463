/// The calls of one cap in the sliding window `(now - period, now]`, counted exactly.
///
/// Calls are kept as (millisecond, count) entries in a ring, oldest first: calls of the same
/// millisecond share an entry, and entries leave the ring as the window slides past them. The
/// ring holds at most `min(limit, period in milliseconds)` entries (calls beyond the limit are
/// refused, not kept), so memory is bounded whatever the rate, and exact: a call counts until
/// exactly `period` after it was made.
package struct SlidingWindowCounter: Sendable {
    private struct Entry: Sendable {
        var at: Int64
        var count: Int
    }

    /// The most calls in one window.
    package let limit: Int
    /// The window's length in milliseconds.
    package let period: Int64
    /// The ring: `size` entries from `head`, wrapping around.
    private var ring: [Entry] = []
    private var head = 0
    private var size = 0
    /// The calls in the ring.
    package private(set) var total = 0
    /// The entries in the ring (distinct milliseconds), for measuring its memory.
    package var entryCount: Int { size }

    /// A counter of at most `limit` calls per `period` milliseconds.
    package init(limit: Int, period: Int64) {
        precondition(limit >= 1 && period >= 1, "a cap needs at least one call in a period of at least 1 ms")
        self.limit = limit
        self.period = period
    }

    /// A counter for `cap`.
    init(_ cap: EndpointRule.Cap) {
        self.init(limit: cap.calls, period: cap.period.milliseconds)
    }

    /// Whether a call at `now` stays within the limit; forgets the calls the window left behind.
    package mutating func hasRoom(now: Int64) -> Bool {
        while size > 0, ring[head].at <= now - period {
            total -= ring[head].count
            head = (head + 1) % ring.count
            size -= 1
        }
        return total < limit
    }

    /// Counts a call at `now` (at the newest entry's instant if `now` is earlier, so the ring
    /// stays in order).
    package mutating func add(now: Int64) {
        total += 1
        if size > 0 {
            let newest = (head + size - 1) % ring.count
            if ring[newest].at >= now {
                ring[newest].count += 1
                return
            }
        }
        if size == ring.count { grow() }
        ring[(head + size) % ring.count] = Entry(at: now, count: 1)
        size += 1
    }

    /// Counts a call at `now` when the window has room.
    /// - Returns: whether the call was counted.
    package mutating func admit(now: Int64) -> Bool {
        guard hasRoom(now: now) else { return false }
        add(now: now)
        return true
    }

    /// Doubles the ring's capacity, its entries in order from index 0.
    private mutating func grow() {
        var larger: [Entry] = []
        larger.reserveCapacity(max(4, ring.count * 2))
        for offset in 0..<size { larger.append(ring[(head + offset) % ring.count]) }
        larger.append(contentsOf: repeatElement(Entry(at: 0, count: 0), count: max(4, ring.count * 2) - size))
        ring = larger
        head = 0
    }
}
